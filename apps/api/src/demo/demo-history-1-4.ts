import { ActionStory, docEvidence as doc, linkEvidence as link } from './demo-script';

const LOCAL_OFFER = 'https://localoffer.demo-area.example';

/**
 * Three board cycles of updates for areas 1–4. 2.2 was last updated in cycle 1 so it is stale;
 * 1.2 and 3.3 are past their due dates and still open; 2.3, 3.1, 4.3 and 4.4 end Blue; 3.1's
 * first evidence was rejected as a draft.
 */
export const DEMO_STORIES_1_TO_4: Record<string, ActionStory> = {
  '1.1': {
    1: {
      milestonesDone: [0],
      evidence: [doc('scorecard', 'ACTIVITY', 'SEND performance scorecard, first edition', '{board} paper 2')],
      progress: ['GREEN', 'Scorecard metrics and targets agreed with the DfE SEND adviser; the first edition is in this pack.'],
      accept: ['scorecard'],
    },
    2: { progress: ['GREEN', 'Scorecard in every pack. Manual extraction still takes two days a month; automation scoped with the systems team.'] },
    3: { progress: ['GREEN', 'Automated extract from the case management system tested; monthly production on track.'] },
  },
  '1.2': {
    1: { progress: ['AMBER', 'Legal drafting started; the scope of the pooled budget is still being agreed between the two finance teams.'] },
    2: { milestonesDone: [0], progress: ['AMBER', 'Heads of terms agreed by both directors. Sign-off is tight against the ICB board timetable.'] },
    3: {
      progress: [
        'RED',
        'The ICB board did not take the agreement at its last meeting; sign-off is now expected next quarter, after the due date. The board is asked to escalate to both chief executives.',
      ],
    },
  },
  '1.3': {
    1: { milestonesDone: [0], progress: ['GREEN', 'QA framework and audit tool agreed; first monthly audit of 20 plans completed.'] },
    2: { progress: ['GREEN', 'Three monthly audits done. Health and care sections are the weakest; feedback sessions held with therapists and social care.'] },
    3: {
      milestonesDone: [1],
      evidence: [doc('qa-report', 'ACTIVITY', 'Quarterly multi-agency EHCP audit report', '{board} paper 5')],
      progress: ['AMBER', 'First quarterly audit report presented. Social care advice is often missing from plans, and moderation with health and care is delayed by staff capacity.'],
      accept: ['qa-report'],
    },
  },
  '1.4': {
    1: { milestonesDone: [0], progress: ['AMBER', 'Recruitment campaign and EHCCO career pathway launched. Permanency at 88%, with six agency case officers.'] },
    2: { progress: ['GREEN', 'Permanency at 91%; four permanent case officers start this month.'] },
    3: {
      evidence: [doc('workforce', 'IMPACT', 'Workforce report: case-officer permanency', '{board} paper 3')],
      progress: ['GREEN', 'Permanency at 94%, above the 93% target for the first month; it needs to hold for three months to meet the milestone.'],
      accept: ['workforce'],
      confidence: ['HIGH', 'Permanency at 94%; a settled workforce should lift 20-week timeliness over the next two quarters.'],
    },
  },
  '2.1': {
    1: { progress: ['AMBER', 'Charter drafted with the forum steering group. Family representatives on 5 of the 8 workstreams.'] },
    2: {
      milestonesDone: [0],
      evidence: [link('charter', 'ACTIVITY', 'Co-production charter signed by council, ICB and forum', `${LOCAL_OFFER}/co-production-charter`)],
      progress: ['GREEN', 'Charter signed by all partners at the board. Representatives now on 6 of the 8 workstreams.'],
      accept: ['charter'],
    },
    3: { progress: ['GREEN', 'Representatives on 7 of 8 workstreams; Managing Resources still to recruit, with forum training arranged.'] },
  },
  '2.2': {
    1: { progress: ['AMBER', "Supplier procurement running. 'You said, we did' published twice; the monthly cadence slipped over the holidays."] },
  },
  '2.3': {
    1: { milestonesDone: [0], progress: ['GREEN', 'Meeting model and template co-designed with the forum; meetings offered for declines in the pilot team from this month.'] },
    2: {
      milestonesDone: [1],
      evidence: [doc('guidance', 'ACTIVITY', 'Way Forward meeting guidance and template', '{board} paper 6')],
      progress: ['GREEN', 'Way Forward meetings now offered for every declined assessment request; take-up by families is high.'],
      accept: ['guidance'],
    },
    3: {
      evidence: [doc('survey', 'IMPACT', 'Family survey after Way Forward meetings', '{board} paper 6')],
      progress: ['GREEN', 'Follow-up survey: most families left the meeting with agreed support in place; fewer appeals against refusal to assess.'],
      accept: ['survey'],
      complete: 'Way Forward meetings are standard practice for every declined request; the board accepted the activity and impact evidence.',
    },
  },
  '2.4': {
    1: { progress: ['GREEN', 'Youth forum workshops under way in four schools.'] },
    2: { milestonesDone: [0], progress: ['GREEN', 'Workshops complete; the draft Belonging Plan was written with the young people.'] },
    3: { progress: ['AMBER', 'Publication moved to launch at the schools’ inclusion conference; the youth forum is reviewing the final draft.'] },
  },
  '3.1': {
    1: {
      milestonesDone: [0],
      evidence: [doc('draft', 'ACTIVITY', 'Draft EBSNA guidance', 'EBSNA guidance draft v0.4')],
      progress: ['GREEN', 'Co-production workshops held with families, SENCOs and CAMHS; draft guidance submitted as evidence.'],
      reject: { draft: 'This is a draft. The board needs the published guidance and a record of who co-produced it.' },
    },
    2: {
      milestonesDone: [1],
      evidence: [link('published', 'ACTIVITY', 'Published EBSNA guidance and co-production log', `${LOCAL_OFFER}/ebsna-guidance`)],
      progress: ['GREEN', 'Guidance published and launched at the SENCO network; co-production log attached.'],
      accept: ['published'],
      complete: 'Guidance published and launched to all SENCOs; the board accepted the published guidance and co-production log.',
    },
  },
  '3.2': {
    1: { progress: ['GREEN', 'Two localities chosen; health visitors and early years settings trained on the integrated review.'] },
    2: { progress: ['GREEN', 'Early-years assessment request conversion 97.90% in 2024–25 (95.68% the year before): requests are well founded but arrive late.'] },
    3: {
      milestonesDone: [0],
      evidence: [doc('ey-data', 'IMPACT', 'Early years identification data from the pilot localities', '{board} paper 8')],
      progress: ['GREEN', 'Pilot complete in two localities; children identified at two reach support about a term earlier. Roll-out plan agreed.'],
      accept: ['ey-data'],
    },
  },
  '3.3': {
    1: { progress: ['AMBER', 'Waiting lists for autism and ADHD assessment are still growing; waiting-well pack drafted with the forum.'] },
    2: {
      milestonesDone: [0],
      evidence: [link('pack', 'ACTIVITY', 'Waiting-well information pack', `${LOCAL_OFFER}/waiting-well`)],
      progress: ['RED', 'Pack live on the Local Offer, but the workshop provider has withdrawn and the service must be re-procured.'],
      accept: ['pack'],
    },
    3: { progress: ['RED', 'Re-procurement under way; workshops will not start before the due date. The ICB is asked to fund an interim offer through the forum.'] },
  },
  '3.4': {
    1: { progress: ['AMBER', 'Pilot designed; locality clusters are keen but the funding formula is not agreed.'] },
    2: { milestonesDone: [0], progress: ['AMBER', "Pilot schools signed up. Overlap found with the DBV programme's early support strand."] },
    3: { progress: ['AMBER', 'The board agreed to fold the pilot into an area-wide pre-EHCP funding model (8.5).'] },
  },
  '3.5': {
    1: { progress: ['AMBER', 'Market engagement shows little fit with the integrated two-year review being piloted under 3.2.'] },
  },
  '4.1': {
    1: {
      progress: ['GREEN', 'Seconded head teacher in post; 12 SENCOs drafting the toolkit fortnightly. The £215k budget is profiled.'],
      confidence: ['HIGH', 'SENCOs are engaged and the budget is secure; practice should change once the toolkit is in classrooms.'],
    },
    2: {
      milestonesDone: [0],
      evidence: [doc('toolkit-draft', 'ACTIVITY', 'OAP toolkit draft and SENCO consultation summary', '{board} paper 9')],
      progress: ['GREEN', 'Toolkit drafted and consulted on with SENCOs; launch set for next half-term.'],
      accept: ['toolkit-draft'],
      boardConfidence: ['MEDIUM', 'Permanent exclusions rose from 0.17 to 0.2 per 100 pupils. The board will rate this higher when the toolkit is in use and the rate turns.'],
    },
    3: {
      milestonesDone: [1],
      progress: ['AMBER', 'Toolkit launched to all schools. Training capacity is the risk: training every SENCO is tight against the date.'],
    },
  },
  '4.2': {
    1: { progress: ['AMBER', 'One of three advisers appointed; second round of interviews booked.'] },
    2: { milestonesDone: [0], progress: ['GREEN', 'All three advisers appointed; they start over the next two months.'] },
    3: {
      milestonesDone: [1],
      evidence: [doc('allocation', 'ACTIVITY', 'Inclusion adviser allocation to school clusters', '{board} paper 10')],
      progress: ['GREEN', 'All three advisers in post across four clusters; baseline suspension and exclusion data collected for the evaluation.'],
      accept: ['allocation'],
      confidence: ['MEDIUM', 'Advisers are in post, but exclusions rose last year; the evaluation will show whether they turn it.'],
    },
  },
  '4.3': {
    1: { milestonesDone: [0, 1], progress: ['GREEN', 'Provider commissioned; 50 school leaders enrolled from all phases.'] },
    2: { progress: ['GREEN', 'Four of six course days delivered; attendance above 90%.'] },
    3: {
      milestonesDone: [2],
      evidence: [
        doc('register', 'ACTIVITY', 'Course completion register: 50 school leaders', '{board} paper 11'),
        doc('plans', 'IMPACT', 'School inclusion action plans and participant survey', '{board} paper 11 annex'),
      ],
      progress: ['GREEN', 'All 50 leaders completed the course and each school has an inclusion action plan. Children with an EHCP in mainstream up from 39.8% to 41.4%.'],
      accept: ['register', 'plans'],
      complete: 'Course delivered to 50 school leaders; completion and impact evidence accepted. Follow-on networks continue under 4.1.',
    },
  },
  '4.4': {
    1: { milestonesDone: [0], progress: ['GREEN', 'Consultation with head teachers complete; changes agreed in principle.'] },
    2: {
      milestonesDone: [1, 2],
      evidence: [link('protocol', 'ACTIVITY', 'Updated In-Year Fair Access Protocol', 'https://www.demo-council.example/admissions/in-year-fair-access')],
      progress: ['GREEN', 'Protocol agreed by the schools forum and live.'],
      accept: ['protocol'],
      complete: 'Updated protocol live and in use; the board accepted the published protocol.',
    },
    3: {
      evidence: [doc('placements', 'IMPACT', 'Placements in the first half-term under the updated protocol', '{board} paper 7')],
      accept: ['placements'],
    },
  },
  '4.5': {
    1: { progress: ['GREEN', '£143k from the SEND Intervention Fund allocated; co-design with the charity and head teachers started.'] },
    2: { milestonesDone: [0], progress: ['AMBER', 'Tier 1 offer agreed with head teachers. Tier 2 procurement is slipping: one bidder, priced above the budget.'] },
    3: {
      progress: [
        'RED',
        'Tier 2 contract not awarded and the milestone missed. Permanent exclusions were 105 in 2024/25 (0.20 against 0.13 for England); the board is asked to decide on a direct award with the charity.',
      ],
    },
  },
};
