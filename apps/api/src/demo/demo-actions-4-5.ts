import { DEMO_ORGANISATIONS as ORG } from './demo-owners';
import { DemoAction } from './demo-script';

/** Areas 4–5: inclusion and pathway (5.6 is one of the plan's sufficiency actions). */
export const DEMO_ACTIONS_4_TO_5: DemoAction[] = [
  {
    ref: '4.1', areaNumber: 4, priorities: [1, 2], owner: 'seconded', leadOrganisation: ORG.COUNCIL, dueDay: 140,
    title: 'Launch the Ordinarily Available Provision toolkit and graduated approach',
    description: 'An OAP toolkit setting out what every mainstream setting provides without an EHC plan, and a graduated approach to assess, plan, do and review, led by a seconded school leader (£215k).',
    intendedImpact: 'Consistent support at SEN support in every school; fewer requests for assessment where needs could be met ordinarily.',
    milestones: [
      { title: 'OAP toolkit drafted with SENCOs', dueDay: -70 },
      { title: 'Toolkit launched to all schools', dueDay: -10 },
      { title: 'Graduated approach training delivered to every SENCO', dueDay: 120 },
    ],
  },
  {
    ref: '4.2', areaNumber: 4, priorities: [1, 2], owner: 'sendAp', leadOrganisation: ORG.COUNCIL, dueDay: 90,
    title: 'Pilot inclusion advisers working with school clusters',
    description: 'Three inclusion advisers, each working with a cluster of schools on inclusive practice, reintegration and alternatives to exclusion.',
    intendedImpact: 'Fewer suspensions and permanent exclusions in pilot clusters; more pupils with EHC plans kept in mainstream.',
    milestones: [
      { title: 'Three inclusion advisers appointed', dueDay: -60 },
      { title: 'Advisers in post and allocated to school clusters', dueDay: -20 },
      { title: 'Pilot evaluation to the board', dueDay: 80 },
    ],
  },
  {
    ref: '4.3', areaNumber: 4, priorities: [1], owner: 'inclusion', leadOrganisation: ORG.COUNCIL, dueDay: -10,
    title: 'Put 50 school leaders through an inclusion leadership course',
    description: 'A commissioned inclusion leadership programme for 50 head teachers and senior leaders, each leaving with a school inclusion action plan.',
    intendedImpact: 'Inclusive practice led from the top in 50 schools, with a rising share of children with EHC plans in mainstream.',
    milestones: [
      { title: 'Course provider commissioned', dueDay: -100 },
      { title: 'Cohort of 50 school leaders enrolled', dueDay: -80 },
      { title: 'Cohort completes the course', dueDay: -15 },
    ],
  },
  {
    ref: '4.4', areaNumber: 4, priorities: [4], owner: 'admissions', leadOrganisation: ORG.COUNCIL, dueDay: -50,
    title: 'Update the In-Year Fair Access Protocol',
    description: 'Revise the protocol with head teachers so vulnerable pupils, including those with SEND and those leaving alternative provision, are placed quickly and fairly in-year.',
    intendedImpact: 'Pupils without a school place are placed within the protocol timescales, shared fairly across schools.',
    milestones: [
      { title: 'Consultation with head teachers', dueDay: -95 },
      { title: 'Protocol agreed by the schools forum', dueDay: -65 },
      { title: 'Updated protocol live', dueDay: -55 },
    ],
  },
  {
    ref: '4.5', areaNumber: 4, priorities: [1, 5], owner: 'sendAp', leadOrganisation: `${ORG.COUNCIL} with ${ORG.CHARITY}`, dueDay: 100,
    title: 'Deliver a three-tier alternative provision model',
    description: 'Tier 1 school-led support, tier 2 commissioned outreach and short placements, tier 3 full-time specialist AP; £143k from the SEND Intervention Fund, co-led with a local charity.',
    intendedImpact: 'Fewer permanent exclusions (105 in 2024/25, a rate of 0.20 against 0.13 for England) and more pupils returning to mainstream.',
    milestones: [
      { title: 'Tier 1 school-led offer agreed with head teachers', dueDay: -60 },
      { title: 'Tier 2 outreach and short placements commissioned', dueDay: -15 },
      { title: 'Tier 3 full-time places reviewed against demand', dueDay: 90 },
    ],
  },
  {
    ref: '5.1', areaNumber: 5, priorities: [4, 5], owner: 'admissions', leadOrganisation: ORG.COUNCIL, dueDay: 60,
    title: 'Redesign SEND admissions and placement decisions',
    description: 'A four-phase redesign over seven months of how specialist and mainstream placements are decided for children with EHC plans: discovery, design, consultation, implementation.',
    intendedImpact: 'Placement decisions made on time and consistently, with families and schools understanding why.',
    milestones: [
      { title: 'Phases 1–2: discovery and design complete', dueDay: -35 },
      { title: 'Phase 3: consultation with schools and families', dueDay: 25 },
    ],
  },
  {
    ref: '5.2', areaNumber: 5, priorities: [6], owner: 'assessment', leadOrganisation: ORG.COUNCIL, dueDay: 75,
    title: 'Introduce an EHCP AI writer to cut case-officer admin',
    description: 'An AI drafting assistant that turns assessment advice into a first-draft EHC plan for the case officer to check and finish.',
    intendedImpact: 'Case officers spend their time with families rather than on drafting; drafts reach families sooner.',
    milestones: [
      { title: 'Data protection impact assessment approved', dueDay: -70 },
      { title: 'Pilot with six case officers', dueDay: -25 },
      { title: 'Roll-out to all case officers', dueDay: 60 },
    ],
  },
  {
    ref: '5.3', areaNumber: 5, priorities: [6], owner: 'assessment', leadOrganisation: ORG.COUNCIL, dueDay: -35,
    title: 'Issue new EHC plans within 20 weeks consistently',
    description: 'Weekly tracking of every open assessment, advice chased at week 6, and a time-limited team to clear the backlog of overdue assessments.',
    intendedImpact: 'The share of new plans issued within 20 weeks stays above the England average every month, not just year to date.',
    milestones: [
      { title: 'Weekly tracking of every open assessment in place', dueDay: -90 },
      { title: 'Backlog of overdue assessments cleared', dueDay: -35 },
    ],
  },
  {
    ref: '5.4', areaNumber: 5, priorities: [4], owner: 'sendAp', leadOrganisation: ORG.COUNCIL, dueDay: 110,
    title: 'Set up a cross-phase transition working group',
    description: 'Early years, primary, secondary and post-16 leaders agreeing how information and support move with a child at each phase transfer.',
    intendedImpact: 'Placements hold after transition; fewer emergency reviews in the first term of a new phase.',
    milestones: [
      { title: 'Working group terms of reference agreed', dueDay: -80 },
      { title: 'Year 6 to 7 transfer protocol published', dueDay: 60 },
    ],
  },
  {
    ref: '5.5', areaNumber: 5, priorities: [6], owner: 'assessment', leadOrganisation: ORG.COUNCIL, dueDay: 20,
    title: 'Settle more appeals through mediation before tribunal',
    description: 'Review every registered appeal at week 2 with the family and school, and use mediation to resolve disagreements early.',
    intendedImpact: 'More than 30% of appeals settled before tribunal, and fewer hearings lost on the same issues.',
    milestones: [{ title: 'Week-2 appeal review in place for every appeal', dueDay: -60 }],
  },
  {
    ref: '5.6', areaNumber: 5, priorities: [5], owner: 'commissioning', leadOrganisation: ORG.COUNCIL, dueDay: 30,
    title: 'Refresh the SEND sufficiency strategy and place-planning model',
    description: 'A place-planning model built on EHCP growth, phase and need, refreshed every year and used to decide where specialist places are commissioned.',
    intendedImpact: 'Specialist places are commissioned ahead of need, close to home.',
    milestones: [
      { title: 'Demand model refreshed with the latest census and EHCP data', dueDay: -50 },
      { title: 'Sufficiency strategy approved by cabinet', dueDay: 25 },
    ],
  },
];
