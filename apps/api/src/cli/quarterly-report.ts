import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DomainError } from '@send/domain';
import { ActionLogHistory, eventStoreConditionIndex, eventStoreFollowUpIndex, eventStoreRenamedOwners, eventStoreRiskIndex, eventStoreStreamIndex, PlanHistory, RiskHistory } from '@send/read-models';
import { ConfigurationError, loadAppConfig } from '../config/app-config';
import { createEventStore } from '../infrastructure/event-store.provider';
import { produceQuarterlyReport } from '../reports/produce-quarterly-report';
import { quarterlyReportPdf } from '../reports/quarterly-report-pdf';
import { ReportChoice } from '../reports/report-period';

const USAGE =
  'Usage: npm run report -- --plan <plan id> (--year <2025 for 2025/26> --quarter <1-4> | --meeting <meeting id>) [--out <folder, default ./reports>]';

function choiceFrom(values: { year?: string; quarter?: string; meeting?: string }): ReportChoice {
  if (values.meeting && !values.year && !values.quarter) return { meetingId: values.meeting };
  const [year, quarter] = [Number(values.year), Number(values.quarter)];
  if (values.meeting || !Number.isInteger(year) || year < 2000 || year > 2100 || ![1, 2, 3, 4].includes(quarter)) throw new ConfigurationError(USAGE);
  return { financialYear: year, quarter: quarter as 1 | 2 | 3 | 4 };
}

/**
 * `npm run report -- --plan demo-plan --year 2025 --quarter 4`: writes the printable HTML report
 * and the actions CSV, byte-identical to the API's downloads for the same period. It reads only
 * the event store, so it can run beside the api.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { plan: { type: 'string' }, year: { type: 'string' }, quarter: { type: 'string' }, meeting: { type: 'string' }, out: { type: 'string', default: 'reports' } },
  });
  if (!values.plan) throw new ConfigurationError(USAGE);
  const choice = choiceFrom(values);
  const config = loadAppConfig();
  const store = await createEventStore(config.eventStore);
  const started = Date.now();
  try {
    console.log(`Reading the history of plan ${values.plan} from the ${config.eventStore.type} event store…`);
    const produced = await produceQuarterlyReport({ plans: new PlanHistory(eventStoreStreamIndex(store), store), risks: new RiskHistory(eventStoreRiskIndex(store), store, eventStoreRenamedOwners(store)), actionLog: new ActionLogHistory(eventStoreFollowUpIndex(store), store, eventStoreRenamedOwners(store)), conditions: eventStoreConditionIndex(store) }, store, values.plan, choice, new Date().toISOString());
    const folder = resolve(values.out!);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, produced.htmlFileName), produced.html);
    writeFileSync(join(folder, produced.csvFileName), produced.csv);
    const { pdf, pdfFileName } = await quarterlyReportPdf(produced);
    writeFileSync(join(folder, pdfFileName), pdf);
    const { report } = produced;
    const counts = report.movement.toRollUp;
    console.log(
      [
        `Report for ${report.period.label}, as at ${report.period.to} (events up to position ${report.lastPosition}):`,
        `  chain head ${report.chainHead ? `${report.chainHead.position}:${report.chainHead.hash}` : '(none)'} (check it later with npm run verify -- --head <that>)`,
        `  ${counts.total} actions in force: ${counts.red} Red, ${counts.amber} Amber, ${counts.green} Green, ${counts.blue} Blue, ${counts.notYetRated} not yet rated; ${counts.overdue} overdue, ${counts.stale} stale`,
        `  movement since ${report.period.previousLabel}: ${report.movement.counts.ragUp} up, ${report.movement.counts.ragDown} down, ${report.movement.counts.completed} completed, ${report.evidenceAccepted.length} evidence accepted`,
        `  wrote ${join(folder, produced.htmlFileName)}`,
        `  wrote ${join(folder, produced.csvFileName)}`,
        `  wrote ${join(folder, pdfFileName)}`,
        `Done in ${((Date.now() - started) / 1000).toFixed(2)} s.`,
      ].join('\n'),
    );
  } finally {
    await store.close();
  }
}

main().catch((error) => {
  if (error instanceof ConfigurationError) console.error(`Configuration error: ${error.message}`);
  else if (error instanceof DomainError) console.error(`Cannot produce the report: ${error.message}`);
  else console.error(error);
  process.exit(1);
});
