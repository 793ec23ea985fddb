import { SlipReason, ukDate, ukDatesIn, ukDateTime, ukPeriod } from '@send/domain';
import { MovementGroup, RagRollUp, ScorecardLine } from '@send/read-models';
import { QuarterlyReport, ReportActionLine } from './quarterly-report';
import { ReportRiskLine } from './report-risks';
import { ReportDependencyLine } from './report-dependencies';
import { ReportFollowUpLine } from './report-action-log';
import { date, dateTime, escape, table } from './report-html-parts';
import { conditionsSection, executiveSummarySection, financeSection, returnHeaderLine } from './report-return.renderer';

const RAG_WORDS: Record<string, string> = { NOT_YET_RATED: 'Not yet rated', RED: 'Red', AMBER: 'Amber', GREEN: 'Green', BLUE: 'Blue (complete)' };
const MOVEMENT_WORDS: Record<string, string> = { UP: '▲ improved', DOWN: '▼ worsened', FIRST_RATED: '● first rated', NEW: '✚ new' };

const RISK_STATUS_WORDS: Record<string, string> = { OPEN: 'open', CLOSED: 'closed', BECAME_ISSUE: 'became an issue' };
const ESCALATION_WORDS: Record<string, string> = { AT_OR_ABOVE_THRESHOLD: 'Red', RISING: 'rising' };

/** The word always goes with the colour: RAG is never shown by colour alone. */
const rag = (value: string) => `<span class="rag rag-${value.toLowerCase().replace(/_/g, '-')}">${escape(RAG_WORDS[value] ?? value)}</span>`;
const anchor = (ref: string) => `action-${ref.replace(/[^A-Za-z0-9.-]/g, '-')}`;
const actionLink = (a: { ref: string; title: string }) => `<a href="#${anchor(a.ref)}">${escape(a.ref)}</a> ${escape(a.title)}`;
/** A score with its band's word: "16 Red". */
const riskScore = (score: number, band: string) => `${score} ${rag(band)}`;

function slipWords(line: ReportDependencyLine): string {
  const { from } = line;
  const words: Record<SlipReason, string> = {
    RED: 'rated Red',
    OVERDUE: `past its due date of ${ukDate(from.dueDate)}`,
    DUE_DATE_MOVED: `due date moved from ${ukDate(from.originalDueDate)} to ${ukDate(from.dueDate)}`,
  };
  return line.reasons.map((r) => words[r]).join('; ');
}

function riskRow(line: ReportRiskLine): string[] {
  const r = line.risk;
  const change = line.scoreAtStart === null ? 'raised in the period' : line.scoreAtStart === r.currentScore ? 'no change' : line.scoreAtStart < r.currentScore ? `▲ up from ${line.scoreAtStart}` : `▼ down from ${line.scoreAtStart}`;
  return [
    `${escape(r.ref)} ${escape(r.title)}`,
    escape(r.ownerName),
    `${riskScore(r.currentScore, r.currentBand)} (${r.currentLikelihood} × ${r.currentImpact})`,
    escape(change),
    `${r.targetScore} by ${date(r.targetByDate)}`,
    String(line.openMitigations),
    escape(line.escalation.map((e) => ESCALATION_WORDS[e]).join(', ') || RISK_STATUS_WORDS[r.status]),
    escape(r.status === 'OPEN' ? line.latestCommentary : r.outcome),
  ];
}

const RISK_HEAD = ['Risk', 'Owner', 'Score now', 'Since the period began', 'Target', 'Open mitigations', 'Escalation or status', 'Latest commentary'];

const STANDING_WORDS: Record<ReportFollowUpLine['standing'], string> = { OVERDUE: 'overdue', OPEN: 'open', DONE: 'done', DROPPED: 'dropped' };

function followUpRow(line: ReportFollowUpLine): string[] {
  const f = line.followUp;
  const standing = f.closedOn === null ? escape(STANDING_WORDS[line.standing]) : `${escape(STANDING_WORDS[line.standing])} on ${date(f.closedOn)}`;
  // An owner from the directory has an organisation; one minuted as text had it in the role, if at all.
  const owner = [f.ownerName, f.ownerRole, ...(f.ownerOrganisation ? [f.ownerOrganisation] : [])].map(escape).join(', ');
  return [escape(f.description), date(f.meetingDate), owner, date(f.dueDate), standing, escape(line.latestNote)];
}

function groupRows(groups: MovementGroup[]): string[][] {
  const cell = (to: RagRollUp, from: RagRollUp, key: 'red' | 'amber' | 'green' | 'blue' | 'notYetRated') => {
    const change = to[key] - from[key];
    return `${to[key]}${change === 0 ? '' : ` <small>(${change > 0 ? '+' : ''}${change})</small>`}`;
  };
  return groups.map((g) => [
    `${g.number}. ${escape(g.name)}`,
    String(g.to.total),
    cell(g.to, g.from, 'notYetRated'),
    cell(g.to, g.from, 'red'),
    cell(g.to, g.from, 'amber'),
    cell(g.to, g.from, 'green'),
    cell(g.to, g.from, 'blue'),
    `${g.to.percentComplete.toFixed(1)}%`,
    String(g.to.overdue),
    String(g.to.stale),
    `${g.counts.ragUp} up, ${g.counts.ragDown} down · ${g.counts.completed} completed · ${g.counts.added} new · ${g.counts.withdrawn} withdrawn`,
  ]);
}

const GROUP_HEAD = ['', 'Actions', 'Not yet rated', 'Red', 'Amber', 'Green', 'Blue', '% complete', 'Overdue', 'Stale', 'Movement'];

function commentary(line: ReportActionLine): string {
  const a = line.action;
  return a.latestCommentary ? `${escape(a.latestCommentary)} <small>(as at ${date(a.lastAsAt)})</small>` : '<em>No update yet</em>';
}

const CONFIDENCE_WORDS: Record<string, string> = { HIGH: 'High', MEDIUM: 'Medium', LOW: 'Low' };

/** The delivery confidence in force at the end of the period, with why, when and who. */
function confidence(line: ReportActionLine, withCommentary: boolean): string {
  const rating = line.action.confidenceHistory.at(-1);
  if (!rating) return '<em>Not rated</em>';
  const who = rating.ratedBy ? `, ${escape(rating.ratedBy)}` : '';
  return `<strong>${escape(CONFIDENCE_WORDS[rating.level])}</strong>${withCommentary ? `: ${escape(rating.commentary)}` : ''} <small>(as at ${date(rating.asAt)}${who})</small>`;
}

/** Each reason in the board's words, with the figures in the metric's unit and periods written out. */
function impactReasons(line: ReportActionLine, scorecard: ScorecardLine[]): string {
  const unitOf = new Map(scorecard.map((l) => [l.metric.metricId, l.metric.unit]));
  const reasons = (line.impactFlag?.reasons ?? []).map((r) => {
    const at = (period: string, value: number) => `${escape(figure(unitOf.get(r.metricId) ?? 'COUNT', value))} (${escape(ukPeriod(period))})`;
    return r.kind === 'OFF_TARGET'
      ? `${escape(r.metricName)} is off target: ${at(r.period, r.value)}`
      : `${escape(r.metricName)} is getting worse: ${at(r.previous!.period, r.previous!.value)}, then ${at(r.period, r.value)}`;
  });
  return reasons.join('<br>');
}

function appendix(line: ReportActionLine): string {
  const a = line.action;
  const events = line.eventsInPeriod
    .map((t) => `<li>${dateTime(t.occurredAt)} ${escape(ukDatesIn(t.summary))}${t.actorName ? ` — ${escape(t.actorName)}` : ''} <small>(event ${escape(String(t.position))})</small></li>`)
    .join('\n');
  return `<section class="action" id="${anchor(a.ref)}">
<h3>${escape(a.ref)} ${escape(a.title)}</h3>
<p>${rag(a.rag)} · ${escape(a.status.toLowerCase())} · owner ${escape(a.owner.name)}, ${escape(a.owner.role)} (${escape(a.owner.organisation)}) · due ${date(a.dueDate)}${line.overdue ? ' · <strong>overdue</strong>' : ''}${line.stale ? ' · <strong>stale</strong>' : ''}</p>
<p>${commentary(line)}</p>
<p>Delivery confidence: ${confidence(line, true)}</p>
<p class="trace">Action id ${escape(a.actionId)}, revision ${a.revision} at the end of the period.</p>
${events ? `<ul>${events}</ul>` : '<p class="none">No events in the period.</p>'}
</section>`;
}

const TREND_WORDS: Record<string, string> = { UP: '▲ up', DOWN: '▼ down', FLAT: '► level' };
const COMPARATOR_WORDS: Record<string, string> = { ENGLAND: 'England', REGION: 'region', STATISTICAL_NEIGHBOURS: 'statistical neighbours' };

function figure(unit: string, value: number): string {
  switch (unit) {
    case 'PERCENT':
      return `${value}%`;
    case 'RATE_PER_10000':
      return `${value} per 10,000`;
    case 'RATE_PER_100':
      return `${value} per 100`;
    case 'GBP':
      return `£${value}`;
    case 'GBP_PER_HEAD':
      return `£${value} per head`;
    default:
      return String(value);
  }
}

function scorecardRow(line: ScorecardLine): string[] {
  const { metric, latest, previous, trend, target, rag: metricRag } = line;
  const measured = (m: typeof latest) => (m ? `${escape(figure(metric.unit, m.value))} <small>(${escape(ukPeriod(m.period))}${m.provisional ? ', provisional' : ''})</small>` : '—');
  return [
    escape(metric.name),
    measured(latest),
    measured(previous),
    trend ? `${escape(TREND_WORDS[trend.direction])}${trend.improving === null ? '' : trend.improving ? ', improving' : ', worsening'}` : '—',
    target ? `${escape(metric.polarity === 'HIGHER_IS_BETTER' ? 'at least' : 'at most')} ${escape(figure(metric.unit, target.target))} <small>(by ${escape(ukPeriod(target.period))})</small>` : '—',
    metricRag ? rag(metricRag) : 'No target',
    line.comparators.map((c) => `${escape(COMPARATOR_WORDS[c.comparator] ?? c.comparator)} ${escape(figure(metric.unit, c.value))}`).join('; ') || '—',
  ];
}

const STYLE = `body{font-family:Arial,Helvetica,sans-serif;color:#111;margin:2rem;line-height:1.4}
h1{font-size:1.6rem}h2{font-size:1.25rem;margin-top:2rem;border-bottom:2px solid #111}h3{font-size:1.05rem;margin-bottom:.25rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0;font-size:.9rem}th,td{border:1px solid #555;padding:.3rem .4rem;text-align:left;vertical-align:top}
th{background:#eee}.rag{font-weight:bold;padding:0 .3rem;border:1px solid #111}.rag-red{background:#f4c7c3}.rag-amber{background:#fde6b1}
.rag-green{background:#c8e6c9}.rag-blue{background:#c5dcf5}.rag-not-yet-rated{background:#fff}.none{font-style:italic}.trace,small{color:#333}
dl{display:grid;grid-template-columns:max-content auto;gap:.2rem 1rem}dt{font-weight:bold}a{color:#0b3d91}
@media print{body{margin:0;font-size:10pt}a{color:#111;text-decoration:none}section.action{break-inside:avoid}h2{break-after:avoid}}`;

/** A printable, self-contained page: no scripts, no external resources, the same bytes for the same report. */
/** Keep a copy of the report: the hash lets anyone check later that history up to it is unchanged. */
function chainHeadLine(report: QuarterlyReport): string {
  if (!report.chainHead) return '';
  const { position, hash } = report.chainHead;
  return `<dt>Chain head</dt><dd>position ${escape(position)}, SHA-256 <code>${escape(hash)}</code>. If history up to this position is edited, deleted or reordered later, <code>verifyHistory</code> or <code>npm run verify -- --head ${escape(position)}:${escape(hash)}</code> reports that it no longer matches</dd>`;
}

export function renderReportHtml(report: QuarterlyReport): string {
  const { plan, period, movement: m } = report;
  const counts = m.counts;
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>${escape(`Quarterly monitoring report — ${plan.localAreaName} — ${period.label}`)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>SEND and AP Improvement Plan: quarterly monitoring report</h1>
<p>${escape(plan.localAreaName)} · ${escape(plan.title)}, version ${escape(plan.version)} (approved ${date(plan.approvedOn)}) · for monitoring of the statutory direction</p>
<dl>
<dt>Period</dt><dd>${escape(period.label)}</dd>
<dt>As at</dt><dd>${dateTime(period.to)} (UK time)</dd>
<dt>Movement since</dt><dd>${escape(period.previousLabel)} (${dateTime(period.from)})</dd>
<dt>Built from</dt><dd>the plan's event history up to store position ${escape(report.lastPosition)}; every line links to its action in the appendix, which lists the events behind it</dd>
${chainHeadLine(report)}
${returnHeaderLine(report.quarterlyReturn)}
</dl>
</header>
<main>
${executiveSummarySection(report.quarterlyReturn)}
<h2>1. RAG by improvement area</h2>
<p>Counts at the end of the period; the change since the previous report is in brackets. Withdrawn and superseded actions are not counted.</p>
${table(GROUP_HEAD, groupRows(report.areas), 'No areas.')}
<p>Whole plan: ${m.toRollUp.total} actions in force, ${m.toRollUp.percentComplete.toFixed(1)}% complete, ${m.toRollUp.overdue} overdue, ${m.toRollUp.stale} stale (no update for more than ${plan.staleAfterDays} days).</p>
<h2>2. RAG by recovery priority</h2>
${table(GROUP_HEAD, groupRows(report.priorities), 'No priorities.')}
<h2>3. Movement since the previous report</h2>
<ul>
<li>${counts.ragUp} improved, ${counts.ragDown} worsened, ${counts.firstRated} rated for the first time</li>
<li>${counts.completed} completed, ${counts.added} new, ${counts.withdrawn} withdrawn or superseded</li>
<li>${counts.becameOverdue} became overdue, ${counts.becameStale} became stale</li>
<li>${counts.evidenceAdded} pieces of evidence submitted, ${counts.evidenceAccepted} accepted by the board</li>
<li>${counts.ownerChanges} changes of owner</li>
</ul>
${table(
  ['Action', 'Was', 'Now', 'Movement'],
  report.ragChanges.map((c) => [actionLink(c.action), rag(c.from), rag(c.to), escape(MOVEMENT_WORDS[c.direction])]),
  'No RAG changes in the period.',
)}
<h2>4. Red actions</h2>
${table(
  ['Action', 'Owner', 'Due', 'Latest commentary'],
  report.red.map((l) => [actionLink(l.action), escape(l.action.owner.name), date(l.action.dueDate), commentary(l)]),
  'No action is Red.',
)}
<h2>5. Overdue actions</h2>
${table(
  ['Action', 'RAG', 'Owner', 'Due', 'Days overdue', 'Latest commentary'],
  report.overdue.map((l) => [actionLink(l.action), rag(l.action.rag), escape(l.action.owner.name), date(l.action.dueDate), String(l.daysOverdue), commentary(l)]),
  'No action is overdue.',
)}
<h2>6. Evidence accepted in the period</h2>
${table(
  ['Action', 'Evidence', 'Kind', 'Accepted', 'By'],
  report.evidenceAccepted.map((e) => [
    actionLink(e.action),
    escape(e.evidence.title),
    escape(e.evidence.kind === 'IMPACT' ? 'Impact' : 'Activity'),
    dateTime(e.evidence.reviewedAt),
    escape(e.evidence.reviewedBy),
  ]),
  'No evidence was accepted in the period.',
)}
<h2>7. Performance scorecard</h2>
${table(
  ['Metric', 'Latest', 'Previous', 'Trend', 'Target', 'RAG', 'Comparators'],
  report.scorecard.map(scorecardRow),
  'No scorecard metrics were recorded for this plan by the end of the period.',
)}
<h3>Green but not moving the needle</h3>
<p>Actions rated Green at the end of the period while a scorecard metric they are meant to move was off target (Amber or Red) or getting worse between its last two figures.</p>
${table(
  ['Action', 'Owner', 'Delivery confidence', 'Why'],
  report.notMovingTheNeedle.map((l) => [actionLink(l.action), escape(l.action.owner.name), confidence(l, false), impactReasons(l, report.scorecard)]),
  'No Green action has a linked metric off target or getting worse.',
)}
<h2>8. Escalated risks</h2>
<p>Open risks with a score of 15 or more (Red), or raised by their last re-score. Scores are likelihood × impact on the 5 × 5 matrix: 1–4 Green, 5–12 Amber, 15–25 Red.</p>
${table(RISK_HEAD, report.escalatedRisks.map(riskRow), 'No risk is escalated.')}
<h2>9. Risk register</h2>
${table(RISK_HEAD, report.risks.map(riskRow), 'The plan has no risks in its register for this period.')}
<h2>10. Actions at risk from a dependency</h2>
<p>Open actions that cannot finish until an action that is slipping has: rated Red, past its due date, or due later than the plan first said.</p>
${table(
  ['Action', 'At risk from', 'Why it is slipping', 'Through'],
  report.dependencyRisks.map((l) => [actionLink(l.action), actionLink(l.from), escape(slipWords(l)), escape(l.chain.length > 2 ? l.chain.slice(1, -1).join(', ') : 'directly')]),
  'No action is at risk from a dependency.',
)}
<h2>11. Meeting action log</h2>
<p>Follow-ups the board asked for at its meetings that are not plan actions: those still open at the end of the period, overdue first, then those done or dropped during it.</p>
${table(['Follow-up', 'Asked for at the meeting of', 'Owner', 'Due', 'At the end of the period', 'Latest note'], report.actionLog.map(followUpRow), 'No follow-up was open or closed in the period.')}
${financeSection(report.quarterlyReturn)}
${conditionsSection(report.quarterlyReturn)}
<h2>Appendix: the actions</h2>
${report.actions.map(appendix).join('\n')}
</main>
</body>
</html>
`;
}
