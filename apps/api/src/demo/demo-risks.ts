import { addDays, CalendarDate, ChallengeCommand, RiskCommand, RiskRating } from '@send/domain';
import { actionIdFor, deterministicUuid, riskIdFor } from '@send/event-store';
import { PLAN_LOADED_DAY } from './demo-history';
import { BOARD_CHAIR, demoOwner, DemoOwnerKey, demoUserId, PROGRAMME_OFFICE } from './demo-owners';
import { DEMO_PLAN_ID } from './demo-script';

/** A step of the demo's register and threads: when, who, and the command a user would have sent. */
export type DemoBoardToolStep =
  | { at: string; userId: string; kind: 'risk'; command: RiskCommand }
  | { at: string; userId: string; kind: 'challenge'; command: ChallengeCommand };

interface DemoRisk {
  ref: string;
  title: string;
  description: string;
  cause: string;
  consequence: string;
  owner: DemoOwnerKey;
  areas: number[];
  priorities: number[];
  actionRefs: string[];
  inherent: [number, number];
  raisedAs: [number, number];
  target: [number, number];
  /** Re-scores: [day, likelihood, impact, commentary]. */
  rescores: [number, number, number, string][];
  mitigations: { key: string; description: string; owner: DemoOwnerKey; dueDay: number; progress?: [number, 'IN_PROGRESS' | 'DONE', string][] }[];
}

const rating = ([likelihood, impact]: [number, number]): RiskRating => ({ likelihood, impact });

/** The barriers to sufficiency the council's own papers list, each with its mitigation (domain brief, addendum). */
const DEMO_RISKS: DemoRisk[] = [
  {
    ref: 'R1', title: 'The High Needs Block deficit keeps rising faster than the recovery plan assumes',
    description: 'The in-year deficit was £49.7m in 2024/25 and the Q2 2025/26 forecast gap is £71m against £57.5m budgeted.',
    cause: 'Rising demand for EHCPs and placements in independent and non-maintained special schools',
    consequence: 'The cumulative deficit passes £183m by March 2026 and the DfE direction is not lifted',
    owner: 'finance', areas: [8], priorities: [7, 2], actionRefs: ['8.1', '8.2'],
    inherent: [5, 5], raisedAs: [4, 5], target: [3, 4],
    rescores: [[-60, 5, 5, 'Q2 forecast gap of £71m against £57.5m budgeted: worse than the recovery plan assumed.']],
    mitigations: [
      { key: 'forecast', description: 'Monthly demand forecasting reconciled with finance', owner: 'finance', dueDay: -30, progress: [[-90, 'IN_PROGRESS', 'First monthly forecast to the board'], [-35, 'DONE', 'Forecast now monthly and reconciled']] },
      { key: 'panel', description: 'Placement panel reviews every independent special school request', owner: 'commissioning', dueDay: 30, progress: [[-70, 'IN_PROGRESS', 'Panel meets weekly']] },
    ],
  },
  {
    ref: 'R2', title: 'EHCP requests outgrow assessment capacity',
    description: 'Requests for assessment keep rising while case officer posts are hard to fill.',
    cause: 'Rising demand for EHCPs and case-officer turnover',
    consequence: 'Fewer plans issued within 20 weeks; more tribunals',
    owner: 'assessment', areas: [5], priorities: [6], actionRefs: ['5.1'],
    inherent: [4, 4], raisedAs: [3, 4], target: [2, 3],
    rescores: [[-40, 4, 4, 'Requests up 18% on last year; two case officers left in the quarter.']],
    mitigations: [{ key: 'ai-writer', description: 'EHCP AI writer to cut case officers’ drafting time', owner: 'assessment', dueDay: 60 }],
  },
  {
    ref: 'R3', title: 'Specialist places open later than the children who need them',
    description: '224 places are in the pipeline (96 for 2025/26, 128 for 2026/27); capital schemes have slipped before.',
    cause: 'Limited capital funding, planning and site availability',
    consequence: 'More out-of-area placements at higher cost',
    owner: 'commissioning', areas: [6], priorities: [5], actionRefs: ['6.1', '6.2'],
    inherent: [4, 5], raisedAs: [3, 4], target: [2, 4],
    rescores: [],
    mitigations: [{ key: 'co-locate', description: 'Co-locate specialist provision on mainstream sites, using council-owned assets', owner: 'commissioning', dueDay: 120, progress: [[-50, 'IN_PROGRESS', 'Two sites surveyed']] }],
  },
  {
    ref: 'R4', title: 'Specialist workforce shortages: speech and language therapy, educational psychology, autism support',
    description: 'Vacancies in the specialist teams delay advice for assessments and support in schools.',
    cause: 'A national shortage and competition from neighbouring areas',
    consequence: 'Statutory advice late; support while waiting thin',
    owner: 'psychology', areas: [3], priorities: [3, 6], actionRefs: [],
    inherent: [4, 4], raisedAs: [4, 3], target: [3, 3],
    rescores: [],
    mitigations: [{ key: 'recruit', description: 'Recruitment and retention strategy, with trainee educational psychologists', owner: 'psychology', dueDay: 90 }],
  },
  {
    ref: 'R5', title: 'Recovery-plan governance goes live late',
    description: 'The deficit recovery board and its reporting must be live before the plan can be held to account.',
    cause: 'Vacancies in the programme office',
    consequence: 'Spend decisions without oversight for another quarter',
    owner: 'director', areas: [1], priorities: [7], actionRefs: ['8.2'],
    inherent: [3, 4], raisedAs: [3, 4], target: [1, 4],
    rescores: [[-45, 2, 4, 'Governance live from the January board; first report received.']],
    mitigations: [],
  },
  {
    ref: 'R6', title: 'Partners do not join up: health, social care and schools',
    description: 'Joint commissioning and shared data depend on partners’ capacity and agreement.',
    cause: 'Cross-agency coordination is voluntary and under-resourced',
    consequence: 'Pathways stall and families retell their story',
    owner: 'clinical', areas: [2, 5], priorities: [4], actionRefs: [],
    inherent: [3, 4], raisedAs: [3, 3], target: [2, 3],
    rescores: [],
    mitigations: [{ key: 'joint', description: 'Joint commissioning agreement with the ICB and SEND coordinators in each locality', owner: 'clinical', dueDay: 150 }],
  },
  {
    ref: 'R7', title: 'Data the board relies on is incomplete or late',
    description: 'The forecast and the scorecard draw on case management data with known gaps.',
    cause: 'Legacy case management system and manual returns',
    consequence: 'Decisions on wrong figures; the DfE return challenged',
    owner: 'sendAp', areas: [8], priorities: [7], actionRefs: [],
    inherent: [3, 3], raisedAs: [3, 3], target: [2, 2],
    rescores: [],
    mitigations: [],
  },
  {
    ref: 'R8', title: 'Alternative provision runs out of places',
    description: 'Permanent exclusions rose to 105 in 2024/25; AP places are full most of the year.',
    cause: 'Rising exclusions and emotionally based school non-attendance',
    consequence: 'Pupils out of education for weeks; costly placements',
    owner: 'inclusion', areas: [4], priorities: [1, 2], actionRefs: ['4.1'],
    inherent: [4, 4], raisedAs: [4, 3], target: [2, 3],
    rescores: [],
    mitigations: [{ key: 'outreach', description: 'AP outreach into mainstream schools before exclusion', owner: 'inclusion', dueDay: 45 }],
  },
];

const at = (anchor: CalendarDate, day: number, time = '10:00') => `${addDays(anchor, day)}T${time}:00.000Z`;

/**
 * The register and the board's questions, at the times they happened: the office raises the
 * risks a few days after the plan is loaded, owners re-score and work their mitigations over
 * the following months, a board member's challenge on R3 is answered, and the DfE adviser's
 * question on 8.2 is still waiting for the next meeting.
 */
export function demoBoardToolSteps(anchor: CalendarDate): DemoBoardToolStep[] {
  const steps: DemoBoardToolStep[] = [];
  DEMO_RISKS.forEach((r, i) => {
    const riskId = riskIdFor(DEMO_PLAN_ID, r.ref);
    const owner = demoUserId(r.owner);
    steps.push({
      at: at(anchor, PLAN_LOADED_DAY + 3, `11:${String(i).padStart(2, '0')}`),
      userId: PROGRAMME_OFFICE.userId,
      kind: 'risk',
      command: {
        type: 'RaiseRisk',
        data: {
          riskId, planId: DEMO_PLAN_ID, ref: r.ref, title: r.title, description: r.description, cause: r.cause, consequence: r.consequence,
          owner: demoOwner(r.owner), areaNumbers: r.areas, priorityNumbers: r.priorities, actionIds: r.actionRefs.map((ref) => actionIdFor(DEMO_PLAN_ID, ref)),
          inherent: rating(r.inherent), current: rating(r.raisedAs), target: { ...rating(r.target), byDate: addDays(anchor, 120) }, reviewDate: addDays(anchor, 30),
        },
      },
    });
    for (const m of r.mitigations) {
      const mitigationId = deterministicUuid('demo-mitigation', r.ref, m.key);
      steps.push({ at: at(anchor, PLAN_LOADED_DAY + 4, `11:${String(i).padStart(2, '0')}`), userId: owner, kind: 'risk', command: { type: 'AddMitigation', data: { riskId, mitigationId, description: m.description, owner: demoOwner(m.owner), dueDate: addDays(anchor, m.dueDay) } } });
      for (const [day, status, commentary] of m.progress ?? []) {
        steps.push({ at: at(anchor, day, `09:${String(i).padStart(2, '0')}`), userId: owner, kind: 'risk', command: { type: 'ChangeMitigationStatus', data: { riskId, mitigationId, status, commentary } } });
      }
    }
    for (const [day, likelihood, impact, commentary] of r.rescores) {
      steps.push({ at: at(anchor, day, `15:${String(i).padStart(2, '0')}`), userId: owner, kind: 'risk', command: { type: 'RescoreRisk', data: { riskId, current: { likelihood, impact }, commentary, asAt: addDays(anchor, day) } } });
    }
  });
  const onR3 = deterministicUuid('demo-challenge', 'R3');
  const on82 = deterministicUuid('demo-challenge', '8.2');
  steps.push(
    { at: at(anchor, -55, '16:00'), userId: 'board-member', kind: 'challenge', command: { type: 'RaiseChallenge', data: { challengeId: onR3, planId: DEMO_PLAN_ID, subject: { kind: 'RISK', id: riskIdFor(DEMO_PLAN_ID, 'R3') }, question: 'Which of the 96 places for 2025/26 are at risk of opening late, and what would it cost?' } } },
    { at: at(anchor, -50, '12:00'), userId: demoUserId('commissioning'), kind: 'challenge', command: { type: 'AnswerChallenge', data: { challengeId: onR3, answer: 'Twenty places at the second site; a term late would mean about £0.9m in independent placements.' } } },
    { at: at(anchor, -49, '17:00'), userId: BOARD_CHAIR.userId, kind: 'challenge', command: { type: 'ResolveChallenge', data: { challengeId: onR3, note: 'Board content with the answer; risk kept at Amber.' } } },
    { at: at(anchor, -10, '14:00'), userId: 'dfe-adviser', kind: 'challenge', command: { type: 'RaiseChallenge', data: { challengeId: on82, planId: DEMO_PLAN_ID, subject: { kind: 'ACTION', id: actionIdFor(DEMO_PLAN_ID, '8.2') }, question: 'How does the recovery plan close a £71m forecast gap against £57.5m budgeted?' } } },
  );
  return steps.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}
