import { ActionStory, docEvidence as doc } from './demo-script';

/**
 * Three board cycles of updates for areas 5–8. 7.3 and 7.4 were last updated in cycle 1 so they
 * are stale; 5.3, 6.4 and 8.3 are past their due dates and still open; 6.1's first tracker and 5.2's
 * self-reported pilot figures were rejected; 8.2's draft plan is still waiting for review.
 */
export const DEMO_STORIES_5_TO_8: Record<string, ActionStory> = {
  '5.1': {
    1: { progress: ['GREEN', 'Phase 1 discovery under way: 30 families and 20 schools interviewed.'] },
    2: { progress: ['AMBER', 'Head teachers asked for a longer design phase; implementation will move to the start of the summer term.'] },
    3: { milestonesDone: [0], progress: ['GREEN', 'Design complete and signed off; consultation opens next month, on the revised timeline.'] },
  },
  '5.2': {
    1: { progress: ['RED', 'The data protection impact assessment is stalled on data-sharing terms with the supplier; the pilot cannot start.'] },
    2: { milestonesDone: [0], progress: ['AMBER', 'DPIA approved; the pilot with six case officers starts next week.'] },
    3: {
      milestonesDone: [1],
      evidence: [doc('pilot', 'IMPACT', 'Pilot evaluation: drafting time per plan', '{board} paper 3 annex')],
      progress: ['GREEN', 'Pilot complete: case officers report drafting time roughly halved. Roll-out planned for all case officers.'],
      reject: { pilot: 'The time savings are self-reported by the pilot team. Bring system timing data and a quality audit of AI-drafted plans.' },
      confidence: ['MEDIUM', 'Drafting time per plan is roughly halved, but 20-week timeliness has not moved yet.'],
      boardConfidence: ['LOW', 'Green on delivery, but 20-week timeliness is still Amber at 56% year to date. The board wants system timing data before it rates this higher.'],
    },
  },
  '5.3': {
    1: {
      milestonesDone: [0],
      progress: ['RED', 'The monthly share of new plans exceeding 20 weeks has swung between 25.9% and 87.1%; a backlog team is being recruited.'],
    },
    2: { progress: ['AMBER', 'Year to date 56% of new plans issued within 20 weeks (England 46.4%, South West 25.8%); backlog down by a third.'] },
    3: { progress: ['AMBER', 'Backlog not yet cleared and the due date has passed. Backlog team extended; a revised date comes to the next board.'] },
  },
  '5.4': {
    1: { milestonesDone: [0], progress: ['GREEN', 'Working group formed with leaders from every phase; terms of reference agreed.'] },
    2: { progress: ['GREEN', 'Information-sharing template for phase transfer drafted with SENCOs.'] },
    3: {
      evidence: [doc('minutes', 'ACTIVITY', 'Transition working group minutes and draft Year 6 to 7 protocol', '{board} paper 12')],
      progress: ['GREEN', 'Year 6 to 7 protocol drafted; consultation with secondary SENCOs under way.'],
      accept: ['minutes'],
    },
  },
  '5.5': {
    1: { progress: ['AMBER', 'Week-2 appeal reviews started; 30% of appeals are settled before tribunal.'] },
    2: { milestonesDone: [0], progress: ['AMBER', 'Week-2 review in place for every appeal; uptake of mediation is lower than hoped.'] },
    3: { progress: ['GREEN', 'More appeals settled before hearing this quarter; mediation now offered at every week-2 review.'] },
  },
  '5.6': {
    1: { progress: ['GREEN', 'Demand model being refreshed. EHCPs per 10,000 aged 0–25: 380.8 (England 364.1, statistical neighbours 394.2).'] },
    2: { milestonesDone: [0], progress: ['GREEN', 'Demand model refreshed with the latest census and EHCP data; draft strategy shared with the forum.'] },
    3: { progress: ['GREEN', 'Draft strategy is on the cabinet forward plan for next month.'] },
  },
  '6.1': {
    1: {
      evidence: [doc('tracker', 'ACTIVITY', 'Specialist places delivery tracker', 'Sufficiency tracker v3')],
      progress: ['GREEN', '295 places delivered since 2022/23 and 224 in the pipeline; the tranche of 96 is on track.'],
      reject: { tracker: 'The figures do not reconcile with the sufficiency strategy. Resubmit showing the 2025/26 and 2026/27 pipeline split.' },
    },
    2: {
      evidence: [doc('tracker-v2', 'ACTIVITY', 'Reconciled places tracker: 96 places (2025/26) and 128 (2026/27)', '{board} paper 4 annex B')],
      progress: ['AMBER', 'Two schemes delayed by the contractor; 81 of the 96 places ready for the start of term.'],
      accept: ['tracker-v2'],
    },
    3: { progress: ['AMBER', '91 of 96 places open; the last 5 wait on fire-safety sign-off. Capital bid for the 128 places is with cabinet.'] },
  },
  '6.2': {
    1: { progress: ['AMBER', 'Review of INMSS placements under way; independent providers engaged on the framework.'] },
    2: { progress: ['AMBER', 'Half of INMSS placements reviewed; local alternatives agreed for a few at annual review.'] },
    3: {
      milestonesDone: [0],
      evidence: [doc('inmss', 'IMPACT', 'Share of EHCPs in independent and non-maintained special schools', '{board} paper 2 (scorecard)')],
      progress: ['GREEN', 'All INMSS placements reviewed. Share of children with an EHCP in INMSS down from 11.3% to 10.8%.'],
      accept: ['inmss'],
    },
  },
  '6.3': {
    1: {
      milestonesDone: [0],
      progress: ['GREEN', 'Eight schools expressed interest; four shortlisted for the first wave.'],
      confidence: ['HIGH', 'Strong interest from schools; local bases should bring children back from out-of-area placements.'],
    },
    2: { progress: ['GREEN', 'Capital works designed for the four bases; staffing model agreed.'] },
    3: { progress: ['GREEN', 'Works started at two schools; admissions criteria agreed with head teachers.'] },
  },
  '6.4': {
    1: { progress: ['AMBER', 'Demand analysis delayed waiting for learner data from colleges.'] },
    2: { milestonesDone: [0], progress: ['GREEN', 'Post-16 demand analysis complete: demand for local specialist study programmes outstrips places.'] },
    3: {
      progress: ['AMBER', 'Two colleges in talks, but the partnership agreement is not signed and the due date has passed; signature expected next month.'],
    },
  },
  '7.1': {
    1: { milestonesDone: [0], progress: ['GREEN', 'PfA outcomes guidance issued; training for case officers booked.'] },
    2: { progress: ['AMBER', 'A sample of Year 9 reviews shows PfA outcomes are often generic; extra training planned with schools.'] },
    3: { progress: ['AMBER', 'Training delivered to 40 school staff; audit of Year 9 reviews scheduled.'] },
  },
  '7.2': {
    1: { progress: ['GREEN', 'The NHS trust and council HR agreed to host interns; job coach funding identified.'] },
    2: { progress: ['GREEN', 'Partnership agreement with the NHS trust in final draft.'] },
    3: {
      milestonesDone: [0],
      evidence: [doc('partnership', 'ACTIVITY', 'Supported internship partnership agreement', '{board} paper 13')],
      progress: ['GREEN', 'Partnership agreed: 12 internship places for the next cohort.'],
      accept: ['partnership'],
    },
  },
  '7.3': {
    1: { progress: ['AMBER', 'Providers engaged; drafting delayed by adult services capacity.'] },
  },
  '7.4': {
    1: { milestonesDone: [0], progress: ['GREEN', 'Two travel trainers recruited; first young people referred by schools.'] },
  },
  '8.1': {
    1: {
      milestonesDone: [0],
      progress: ['GREEN', 'Monthly forecast in place. In-year deficit 2024/25 £49.745m; cumulative £113.257m at March 2025 on a DSG of £365.830m.'],
    },
    2: { progress: ['AMBER', 'Q2 forecast: in-year gap £71m against a budgeted £57.5m, driven by INMSS and top-up growth.'] },
    3: {
      evidence: [doc('q2-forecast', 'ACTIVITY', 'Q2 High Needs Block forecast by placement type', '{board} paper 4 annex A')],
      progress: ['AMBER', 'Forecast now split by placement type; the DSG management plan refresh waits for the recovery plan (8.2).'],
      accept: ['q2-forecast'],
    },
  },
  '8.2': {
    1: {
      progress: ['GREEN', 'Drafting the recovery plan against the seven priorities with finance, health and schools.'],
      confidence: ['MEDIUM', 'The plan is being drafted, but it is not yet known whether the savings it finds will close the gap.'],
    },
    2: {
      milestonesDone: [0],
      progress: ['AMBER', 'Draft complete. Projected cumulative deficit £183m by March 2026; the savings identified do not yet close the gap.'],
      correction: [
        'RED',
        'Draft complete. Projected cumulative deficit £183m by March 2026. The Q2 forecast gap is £71m against a budgeted £57.5m, not within budget as reported; the savings identified do not close it.',
        'The update to the board used the budgeted gap; finance confirmed the Q2 forecast two days after the meeting.',
      ],
      confidence: ['LOW', 'The savings identified do not close a forecast gap of £71m; the deficit will not fall this year.'],
    },
    3: {
      evidence: [doc('draft-plan', 'ACTIVITY', 'Draft High Needs Block Deficit Recovery Plan', '{board} paper 4')],
      progress: ['RED', 'The forecast gap has widened since the draft and governance go-live is at risk. Escalated to the DfE adviser; further measures to be agreed.'],
    },
  },
  '8.3': {
    1: { progress: ['AMBER', 'Banding model drafted; the schools forum asked for modelling school by school.'] },
    2: { milestonesDone: [0], progress: ['AMBER', 'Consultation with schools closed; responses mixed on moving from hours to need.'] },
    3: { progress: ['RED', 'The schools forum deferred its decision for more modelling and the due date has passed; new bands cannot start until next financial year.'] },
  },
  '8.4': {
    1: { progress: ['AMBER', 'Draft terms shared with the ICB and social care; no agreement yet on the threshold for joint funding.'] },
    2: { milestonesDone: [0], progress: ['GREEN', 'Terms of reference agreed and the first panel held.'] },
    3: { progress: ['GREEN', 'Panel meeting fortnightly; health contributions agreed for complex placements.'] },
  },
};
