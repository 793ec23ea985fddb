import {
  compareFinancialPeriods,
  ConditionStatus,
  conditionStream,
  deriveHighNeedsPosition,
  DeficitRating,
  FinancialPeriod,
  formatPounds,
  financialYearOf,
  financialYearStarting,
  highNeedsStream,
  londonDateOf,
  parseFinancialPeriod,
  Pence,
  quarterlyReturnStream,
} from '@send/domain';
import { RecordedEvent, UpcastingEventStore } from '@send/event-store';
import { conditionRegisterAt, ConditionStreamIndex, highNeedsViewAt } from '@send/read-models';

export type ReturnQuarter = Extract<FinancialPeriod, { kind: 'FINANCIAL_QUARTER' }>;

/** Where the return's parts are read from: the store, and which condition streams are the plan's. */
export interface ReturnSources {
  store: UpcastingEventStore;
  conditions: ConditionStreamIndex;
  /** The plan's action and metric streams, read only for a signed-off quarter's corrections. */
  planStreams?: () => Promise<RecordedEvent[][]>;
}

export interface ReportSummary {
  text: string;
  version: number;
  writtenAt: string;
  writtenBy: string | null;
}

export interface ReturnSignOff {
  signedOffAt: string;
  signedOffBy: string | null;
  htmlSha256: string;
  csvSha256: string;
  /** The report was rendered from the store up to here; the frozen report is rendered up to it again. */
  knownUpToPosition: string;
  /** The sign-off event's own position. */
  position: string;
}

/** Something recorded about the quarter after its sign-off: listed, never folded into the signed text. */
export interface ReportCorrection {
  recordedAt: string;
  recordedBy: string | null;
  position: string;
  subject: string;
  detail: string;
}

export interface ReportConditionLine {
  ref: string;
  text: string;
  sourceParagraph: string;
  dueDate: string;
  /** The newest status recorded for the report's quarter; null before one is. */
  status: ConditionStatus | null;
  version: number | null;
  approved: boolean;
  commentary: string | null;
}

export interface ReportForecast {
  period: string;
  forecastOutturn: Pence;
  commentary: string;
  inYearDeficit: Pence;
  varianceAgainstBudget: Pence;
  cumulativeDeficit: Pence | null;
  rating: DeficitRating | null;
}

/** The High Needs Block position for the quarter's financial year, forecasts up to the quarter. */
export interface ReportFinance {
  year: string;
  dsgAllocation: Pence;
  budget: Pence;
  budgetedDeficit: Pence;
  openingCumulativeDeficit: Pence | null;
  trajectory: { cumulativeDeficit: Pence; amberTolerance: Pence } | null;
  /** The latest forecast of the year up to the report's quarter. */
  forecast: ReportForecast | null;
  /** The year's forecast for the quarter before it, and the change since; null for the year's first. */
  previous: { period: string; forecastOutturn: Pence; movement: Pence } | null;
}

export type ReturnStatus = 'NOT_STARTED' | 'DRAFT' | 'SUBMITTED' | 'SIGNED_OFF';

/** The quarter's return as the report shows it: its narrative, finance and conditions, and its sign-off. */
export interface ReportReturn {
  quarter: string;
  /** The quarter's financial year, "2025/26": the finance section's year. */
  financialYear: string;
  /** As known at the report's cut: a frozen report shows SUBMITTED, the state the chair signed. */
  status: ReturnStatus;
  summary: ReportSummary | null;
  submitted: { at: string; by: string | null } | null;
  /** Null when the plan has no High Needs Block figures for the quarter's year. */
  finance: ReportFinance | null;
  conditions: ReportConditionLine[];
  /** The newest store position among the events these parts were read from; null when there were none. */
  recordedUpTo: string | null;
  /** Set when the quarter's return is signed off: the report is then frozen as known at the sign-off. */
  signOff: ReturnSignOff | null;
  corrections: ReportCorrection[];
}

/** How much of the store the return's parts are read from. */
export type ReturnCut =
  /** A quarter's report: everything recorded (up to `upTo`, when signing), or frozen at its sign-off. */
  | { kind: 'quarter'; upTo?: bigint }
  /** A meeting's report: what had occurred by the meeting's close, as the board saw it. */
  | { kind: 'meeting'; asAt: string };

const EVERYTHING = '9999-12-31T23:59:59.999Z';
const by = (e: RecordedEvent) => e.metadata.actor?.displayName ?? e.metadata.actor?.userId ?? null;
const newest = (events: RecordedEvent[]) => events.reduce<bigint | null>((max, e) => (max === null || e.position > max ? e.position : max), null);
const money = (pence: Pence) => `£${formatPounds(pence)}`;

/** The financial quarter a London date falls in: 15 May 2026 is 2026/27 Q1. */
export function quarterContaining(instant: string): ReturnQuarter {
  const [year, month] = londonDateOf(instant).split('-').map(Number);
  const startYear = month >= 4 ? year : year - 1;
  const quarter = month >= 4 ? Math.floor((month - 4) / 3) + 1 : 4;
  return parseFinancialPeriod(`${financialYearStarting(startYear)} Q${quarter}`) as ReturnQuarter;
}

export const quarterOfChoice = (financialYear: number, quarter: number): ReturnQuarter => parseFinancialPeriod(`${financialYearStarting(financialYear)} Q${quarter}`) as ReturnQuarter;

/** Whether an event bears on the quarter's report at all: statuses of other quarters and later forecasts do not. */
function bearsOn(e: RecordedEvent, quarter: ReturnQuarter): boolean {
  const data = e.data as { quarter?: string; period?: string };
  if (e.type === 'ConditionStatusRecorded' || e.type === 'ConditionStatusApproved') return data.quarter === quarter.text;
  if (e.type === 'HighNeedsForecastRecorded') return compareFinancialPeriods(parseFinancialPeriod(data.period)!, quarter) <= 0;
  return true;
}

function foldReturn(events: RecordedEvent[]): Pick<ReportReturn, 'status' | 'summary' | 'submitted'> {
  let summary: ReportSummary | null = null;
  let submitted: ReportReturn['submitted'] = null;
  let status: ReturnStatus = 'NOT_STARTED';
  for (const e of events) {
    const data = e.data as { text?: string; version?: number };
    if (e.type === 'ExecutiveSummaryWritten' || e.type === 'ExecutiveSummaryCorrected') {
      summary = { text: data.text!, version: data.version!, writtenAt: e.metadata.occurredAt, writtenBy: by(e) };
      if (e.type === 'ExecutiveSummaryWritten') [status, submitted] = ['DRAFT', null];
    } else if (e.type === 'QuarterlyReturnSubmitted') [status, submitted] = ['SUBMITTED', { at: e.metadata.occurredAt, by: by(e) }];
    else if (e.type === 'QuarterlyReturnSignedOff') status = 'SIGNED_OFF';
  }
  return { status, summary, submitted };
}

function financeOf(stream: RecordedEvent[], quarter: ReturnQuarter): ReportFinance | null {
  const view = highNeedsViewAt(stream, EVERYTHING);
  const year = view && deriveHighNeedsPosition(view.facts).find((y) => y.year === financialYearOf(quarter));
  if (!year) return null;
  const latest = year.latest;
  const before = latest ? year.forecasts[year.forecasts.length - 2] : undefined;
  return {
    year: year.year,
    dsgAllocation: year.dsgAllocation,
    budget: year.budget,
    budgetedDeficit: year.budgetedDeficit,
    openingCumulativeDeficit: year.openingCumulativeDeficit,
    trajectory: year.trajectory && { cumulativeDeficit: year.trajectory.cumulativeDeficit, amberTolerance: year.trajectory.amberTolerance },
    forecast: latest && {
      period: latest.period,
      forecastOutturn: latest.forecastOutturn,
      commentary: latest.commentary,
      inYearDeficit: latest.inYearDeficit,
      varianceAgainstBudget: latest.varianceAgainstBudget,
      cumulativeDeficit: latest.cumulativeDeficit,
      rating: latest.rating,
    },
    previous: latest && before ? { period: before.period, forecastOutturn: before.forecastOutturn, movement: latest.forecastOutturn - before.forecastOutturn } : null,
  };
}

function conditionsOf(streams: RecordedEvent[][], quarter: ReturnQuarter): ReportConditionLine[] {
  const register = conditionRegisterAt(streams, EVERYTHING);
  return register.conditions.map((c) => {
    const latest = register.statuses.filter((s) => s.conditionId === c.conditionId && s.quarter === quarter.text).sort((a, b) => b.version - a.version)[0];
    return {
      ref: c.ref,
      text: c.text,
      sourceParagraph: c.sourceParagraph,
      dueDate: c.dueDate,
      status: latest?.status ?? null,
      version: latest?.version ?? null,
      approved: latest?.approvedAt != null,
      commentary: latest?.commentary ?? null,
    };
  });
}

/** What a late event says, in the board's words; undefined for one that does not touch the quarter's return. */
function correctionOf(e: RecordedEvent, quarter: ReturnQuarter, refs: Map<string, string>): Omit<ReportCorrection, 'recordedAt' | 'recordedBy' | 'position'> | undefined {
  const d = e.data as Record<string, unknown>;
  const ref = refs.get(d.conditionId as string) ?? 'A condition';
  switch (e.type) {
    case 'ExecutiveSummaryCorrected':
      return { subject: `Executive summary, version ${d.version}`, detail: `${d.reason}. Now reads: ${d.text}` };
    case 'ConditionStatusRecorded':
      return d.quarter === quarter.text ? { subject: `Condition ${ref}, status for ${quarter.text}`, detail: `${d.status} (version ${d.version}): ${d.commentary}` } : undefined;
    case 'ConditionStatusApproved':
      return d.quarter === quarter.text ? { subject: `Condition ${ref}, status for ${quarter.text}`, detail: `version ${d.version} (${d.status}) approved by the board chair` } : undefined;
    case 'ConditionWordingRevised':
      return { subject: `Condition ${ref}, wording`, detail: `version ${d.version}: ${d.reason}` };
    case 'HighNeedsForecastRecorded': {
      const period = parseFinancialPeriod(d.period)!;
      return financialYearOf(period) === financialYearOf(quarter) && compareFinancialPeriods(period, quarter) <= 0
        ? { subject: `High Needs forecast for ${d.period}`, detail: `revision ${d.revision}: outturn ${money(d.forecastOutturn as Pence)}; ${d.commentary}` }
        : undefined;
    }
    case 'HighNeedsYearSet':
      return d.year === financialYearOf(quarter) ? { subject: `High Needs Block ${d.year}`, detail: `DSG ${money(d.dsgAllocation as Pence)}, budget ${money(d.budget as Pence)}: ${d.reason ?? ''}` } : undefined;
    case 'DeficitTrajectorySet':
      return d.year === financialYearOf(quarter) ? { subject: `Deficit trajectory for ${d.year}`, detail: `${money(d.cumulativeDeficit as Pence)}: ${d.reason}` } : undefined;
    default:
      return undefined;
  }
}

/**
 * A correction of a progress update or a scorecard figure recorded after the sign-off, when what
 * it restates had happened by the end of the report's period: news about that period's page.
 */
function planCorrectionOf(e: RecordedEvent, stream: RecordedEvent[], periodEnd: string): Omit<ReportCorrection, 'recordedAt' | 'recordedBy' | 'position'> | undefined {
  const d = e.data as Record<string, unknown>;
  const name = ((stream[0]?.data as { ref?: string; name?: string }) ?? {}) as { ref?: string; name?: string };
  if (e.type === 'ProgressCorrected') {
    const restated = stream.find((x) => x.revision === BigInt(d.supersedesRevision as number));
    if (!restated || restated.metadata.occurredAt > periodEnd) return undefined;
    return { subject: `Action ${name.ref ?? ''}, update as at ${d.asAt}`, detail: `corrected to ${d.rag}: ${d.commentary} (${d.reason})` };
  }
  if (e.type === 'MeasurementCorrected') {
    const restated = stream.find((x) => (x.data as { measurementId?: string }).measurementId === d.supersedesMeasurementId);
    if (!restated || restated.metadata.occurredAt > periodEnd) return undefined;
    return { subject: `${name.name ?? 'A metric'}, figure for ${d.period}`, detail: `corrected to ${d.value} (${d.reason})` };
  }
  return undefined;
}

/**
 * The quarter's return, finance and conditions for a report. A quarter's report reads everything
 * recorded about the quarter until its return is signed off, and from then exactly what the chair
 * signed (the store up to the position the sign-off names), with anything recorded later listed as
 * a correction. Statuses of other quarters and later forecasts are left out before anything is
 * folded, so they change neither the figures nor the position printed.
 */
export async function readReportReturn(sources: ReturnSources, planId: string, quarter: ReturnQuarter, cut: ReturnCut, periodEnd: string): Promise<ReportReturn> {
  const { store } = sources;
  const conditionIds = await sources.conditions(planId);
  const [returnStream, financeStream, ...conditionStreams] = await Promise.all([
    store.readStream(quarterlyReturnStream(planId, quarter)),
    store.readStream(highNeedsStream(planId)),
    ...conditionIds.map((id) => store.readStream(conditionStream(id))),
  ]);
  const signed = cut.kind === 'quarter' ? returnStream.find((e) => e.type === 'QuarterlyReturnSignedOff') : undefined;
  const signedData = signed?.data as { htmlSha256: string; csvSha256: string; knownUpToPosition: string } | undefined;
  const limit = signedData ? BigInt(signedData.knownUpToPosition) : cut.kind === 'quarter' ? cut.upTo : undefined;
  const included = (e: RecordedEvent) => bearsOn(e, quarter) && (limit === undefined || e.position <= limit) && (cut.kind !== 'meeting' || e.metadata.occurredAt <= cut.asAt);
  const returnEvents = returnStream.filter(included);
  const financeEvents = financeStream.filter(included);
  const conditionEvents = conditionStreams.map((s) => s.filter(included));
  const recordedUpTo = newest([...returnEvents, ...financeEvents, ...conditionEvents.flat()]);
  const conditions = conditionsOf(conditionEvents, quarter);
  const refs = new Map(conditionRegisterAt(conditionStreams, EVERYTHING).conditions.map((c) => [c.conditionId, c.ref]));
  const after = (e: RecordedEvent) => signedData !== undefined && e.position > BigInt(signedData.knownUpToPosition) && e !== signed;
  const late = [...returnStream, ...financeStream, ...conditionStreams.flat()].filter(after);
  const said = late.flatMap((e) => {
    const what = correctionOf(e, quarter, refs);
    return what ? [{ e, what }] : [];
  });
  if (signedData && sources.planStreams) {
    for (const stream of await sources.planStreams()) {
      for (const e of stream.filter(after)) {
        const what = planCorrectionOf(e, stream, periodEnd);
        if (what) said.push({ e, what });
      }
    }
  }
  return {
    quarter: quarter.text,
    financialYear: financialYearOf(quarter),
    ...foldReturn(returnEvents),
    finance: financeOf(financeEvents, quarter),
    conditions,
    recordedUpTo: recordedUpTo === null ? null : String(recordedUpTo),
    signOff:
      signed && signedData
        ? { signedOffAt: signed.metadata.occurredAt, signedOffBy: by(signed), htmlSha256: signedData.htmlSha256, csvSha256: signedData.csvSha256, knownUpToPosition: signedData.knownUpToPosition, position: String(signed.position) }
        : null,
    corrections: said
      .sort((a, b) => (a.e.position < b.e.position ? -1 : 1))
      .map(({ e, what }) => ({ ...what, recordedAt: e.metadata.occurredAt, recordedBy: by(e), position: String(e.position) })),
  };
}
