import PDFDocument from 'pdfkit';
import { ReportBlock, ReportDocument } from './report-document';

const MARGIN = 40;
const BODY = 9;
const SMALL = 7.5;
const HEADINGS = { 1: 16, 2: 12.5, 3: 10.5 } as const;

/**
 * The characters of Windows-1252 beyond Latin-1, which the PDF standard fonts can show. The
 * standard fonts are what keep the file free of embedded font programs and the same on any machine;
 * anything else is spelt out or shown as "?".
 */
const CP1252_EXTRAS = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';
const ARROWS: Record<string, string> = { '→': 'to', '←': 'from', '≥': '>=', '≤': '<=', '✓': 'yes', '✗': 'no' };

/** Text the standard fonts can set: the report's arrows and symbols are left out where a word says the same. */
export function pdfText(text: string): string {
  return text
    .replace(/[▲▼►●✚]\s?/g, '')
    .replace(/[→←≥≤✓✗]/g, (c) => ARROWS[c])
    .replace(/[^\n\x20-\x7e\xa0-\xff]/g, (c) => (CP1252_EXTRAS.includes(c) ? c : '?'));
}

function heading(doc: PDFKit.PDFDocument, level: 1 | 2 | 3, text: string): void {
  // Keep a heading with the start of what it heads.
  if (doc.y > doc.page.maxY() - 80) doc.addPage();
  doc.moveDown(level === 3 ? 0.4 : 0.8);
  doc.font('Helvetica-Bold').fontSize(HEADINGS[level]).text(pdfText(text));
  if (level === 2) {
    const y = doc.y + 1;
    doc.moveTo(MARGIN, y).lineTo(doc.page.width - MARGIN, y).lineWidth(1).stroke();
    doc.y = y + 3;
  }
  doc.moveDown(0.3);
}

const PADDING = 2.5;

/**
 * Column widths from what the columns hold: each at least its longest word, and the room left
 * shared in proportion to how much more each would need to fit on one line.
 */
function columnWidths(doc: PDFKit.PDFDocument, rows: string[][], width: number): number[] {
  const columns = Math.max(...rows.map((r) => r.length));
  const measure = (text: string, bold: boolean) => doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(SMALL).widthOfString(text) + 2 * PADDING + 1;
  const natural = new Array<number>(columns).fill(0);
  const least = new Array<number>(columns).fill(0);
  rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      for (const line of cell.split('\n')) natural[c] = Math.max(natural[c], measure(line, r === 0));
      for (const word of cell.split(/\s+/)) least[c] = Math.max(least[c], Math.min(measure(word, r === 0), width / columns));
    }),
  );
  const spare = width - least.reduce((a, b) => a + b, 0);
  const wanted = natural.map((n, c) => Math.max(0, n - least[c]));
  const totalWanted = wanted.reduce((a, b) => a + b, 0);
  if (spare <= 0 || totalWanted === 0) return least.map((l) => (l * width) / least.reduce((a, b) => a + b, 0));
  const share = Math.min(1, spare / totalWanted);
  const widths = least.map((l, c) => l + wanted[c] * share);
  // Whatever is still spare goes to the columns in proportion, so the table spans the page.
  const used = widths.reduce((a, b) => a + b, 0);
  return widths.map((w) => (w * width) / used);
}

/** How tall a row sets, as PDFKit's table measures it: its tallest cell and the padding. */
function rowHeight(doc: PDFKit.PDFDocument, row: string[], widths: number[], bold: boolean): number {
  doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(SMALL);
  return Math.max(...row.map((cell, i) => doc.heightOfString(cell, { width: widths[i] - 2 * PADDING }))) + 2 * PADDING;
}

/**
 * A table that starts a new page rather than split a row, and repeats its header row at the top of
 * each page it runs onto, so a page read on its own still says what each column is.
 */
function table(doc: PDFKit.PDFDocument, head: string[], rows: string[][]): void {
  const [header, ...body] = [head, ...rows].map((r) => r.map(pdfText));
  const widths = columnWidths(doc, [header, ...body], doc.page.width - 2 * MARGIN);
  const headerHeight = rowHeight(doc, header, widths, true);
  const draw = (data: string[][]) => {
    doc.x = MARGIN;
    doc.font('Helvetica').fontSize(SMALL);
    doc.table({
      data,
      defaultStyle: { padding: PADDING, border: 0.5, borderColor: '#555555' },
      columnStyles: (i: number) => ({ width: widths[i] }),
      rowStyles: (i: number) => (i === 0 ? { font: { src: 'Helvetica-Bold' }, backgroundColor: '#eeeeee' } : {}),
    });
  };
  let page: string[][] = [header];
  let y = doc.y + headerHeight;
  for (const row of body) {
    const height = rowHeight(doc, row, widths, false);
    if (y + height >= doc.page.maxY() && page.length > 1) {
      draw(page);
      doc.addPage();
      page = [header];
      y = doc.y + headerHeight;
    }
    page.push(row);
    y += height;
  }
  draw(page);
  doc.moveDown(0.5);
}

function block(doc: PDFKit.PDFDocument, b: ReportBlock): void {
  doc.x = MARGIN;
  switch (b.kind) {
    case 'heading':
      return heading(doc, b.level, b.text);
    case 'paragraph':
      doc.font('Helvetica').fontSize(BODY).text(pdfText(b.text), { paragraphGap: 3 });
      return;
    case 'list':
      doc.font('Helvetica').fontSize(BODY).list(b.items.map(pdfText), { bulletRadius: 1.5, paragraphGap: 1 });
      doc.moveDown(0.3);
      return;
    case 'facts':
      for (const [label, value] of b.facts) {
        doc.x = MARGIN;
        doc.font('Helvetica-Bold').fontSize(BODY).text(`${pdfText(label)}: `, { continued: true }).font('Helvetica').text(pdfText(value), { paragraphGap: 2 });
      }
      return;
    case 'table':
      return table(doc, b.head, b.rows);
    default: {
      const unhandled: never = b;
      return unhandled;
    }
  }
}

/** "Page 3 of 12" and the title at the foot of every page, written once the page count is known. */
function footers(doc: PDFKit.PDFDocument, title: string): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i += 1) {
    doc.switchToPage(i);
    // Writing in the bottom margin would otherwise start a new page.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = doc.page.height - MARGIN + 12;
    const width = doc.page.width - 2 * MARGIN;
    doc.font('Helvetica').fontSize(SMALL).fillColor('#333333');
    doc.text(pdfText(title), MARGIN, y, { width: width - 80, lineBreak: false, ellipsis: true });
    doc.text(`Page ${i - start + 1} of ${count}`, MARGIN, y, { width, align: 'right', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
}

/**
 * An A4 PDF of a report, made with PDFKit in the process: no browser, no fonts to install. Its
 * creation and modification dates are the instant the report shows, and its file identifier is
 * derived from them, so the same report gives the same bytes.
 */
export function renderReportPdf(report: ReportDocument): Promise<Buffer> {
  const when = new Date(report.asAt);
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN + 14, left: MARGIN, right: MARGIN },
    bufferPages: true,
    lang: 'en-GB',
    displayTitle: true,
    info: { Title: pdfText(report.title), Producer: 'SEND improvement plan tracker', Creator: 'SEND improvement plan tracker', CreationDate: when, ModDate: when },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  for (const b of report.blocks) block(doc, b);
  footers(doc, report.title);
  doc.end();
  return done;
}
