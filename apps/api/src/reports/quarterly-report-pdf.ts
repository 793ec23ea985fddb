import { ProducedReport } from './produce-quarterly-report';
import { blocksFromReportHtml } from './report-document-from-html';
import { renderReportPdf } from './report-pdf.renderer';

/**
 * The quarterly report as a PDF: the same words as its HTML, laid out on A4 and dated by the
 * instant the report shows (the end of its period), so a period gives the same PDF every time.
 */
export async function quarterlyReportPdf(produced: ProducedReport): Promise<{ pdf: Buffer; pdfFileName: string }> {
  const { report, html, htmlFileName } = produced;
  const { blocks } = blocksFromReportHtml(html);
  const title = `Quarterly monitoring report: ${report.plan.localAreaName}, ${report.period.label}`;
  const pdf = await renderReportPdf({ title, asAt: report.period.to, blocks });
  return { pdf, pdfFileName: htmlFileName.replace(/\.html$/, '.pdf') };
}
