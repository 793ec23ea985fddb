import { DEMO_ORGANISATIONS as ORG } from './demo-owners';
import { DemoAction } from './demo-script';

/** Areas 6–8: sufficiency, preparation for adulthood and managing resources. */
export const DEMO_ACTIONS_6_TO_8: DemoAction[] = [
  {
    ref: '6.1', areaNumber: 6, priorities: [5], owner: 'commissioning', leadOrganisation: ORG.COUNCIL, dueDay: 200,
    title: 'Deliver the specialist places pipeline',
    description: '295 specialist places delivered from 2022/23 to 2025/26; 224 more in the pipeline (96 in 2025/26, 128 in 2026/27) across special schools and resourced provision.',
    intendedImpact: 'Children who need a specialist place get one locally, instead of in an independent school out of area.',
    milestones: [
      { title: 'Tranche of 96 places open', dueDay: -20 },
      { title: 'Capital programme for 128 places approved', dueDay: 60 },
      { title: '128 places open', dueDay: 200 },
    ],
  },
  {
    ref: '6.2', areaNumber: 6, priorities: [5, 7], owner: 'commissioning', leadOrganisation: ORG.COUNCIL, dueDay: 180,
    title: 'Reduce reliance on independent and non-maintained special schools',
    description: 'Review every INMSS placement at annual review for a local alternative, and agree a commissioning framework with independent providers on price and outcomes.',
    intendedImpact: 'A falling share of children with EHC plans in INMSS (11.3% in Sep 2024), and lower average placement cost.',
    milestones: [
      { title: 'Placement review of all INMSS placements', dueDay: -30 },
      { title: 'Commissioning framework agreed with independent providers', dueDay: 90 },
    ],
  },
  {
    ref: '6.3', areaNumber: 6, priorities: [1, 5], owner: 'sendAp', leadOrganisation: ORG.COUNCIL, dueDay: 240,
    title: 'Expand resourced provision in mainstream schools',
    description: 'Open resourced provisions (specialist bases) in mainstream schools for communication and interaction and for social, emotional and mental health needs.',
    intendedImpact: 'More children with EHC plans taught in mainstream schools (39.8% in Feb 2025), close to home.',
    milestones: [
      { title: 'Expressions of interest from schools assessed', dueDay: -70 },
      { title: 'First four resourced provisions open', dueDay: 120 },
    ],
  },
  {
    ref: '6.4', areaNumber: 6, priorities: [4, 5], owner: 'adulthood', leadOrganisation: ORG.COUNCIL, dueDay: -25,
    title: 'Commission local post-16 specialist and further education places',
    description: 'Post-16 demand analysis and a partnership with local colleges for specialist study programmes, so young people need not leave the area at 16.',
    intendedImpact: 'Fewer young people placed in specialist colleges out of area after 16.',
    milestones: [
      { title: 'Post-16 demand analysis complete', dueDay: -50 },
      { title: 'College partnership agreement signed', dueDay: -25 },
    ],
  },
  {
    ref: '7.1', areaNumber: 7, priorities: [4, 6], owner: 'adulthood', leadOrganisation: ORG.COUNCIL, dueDay: 100,
    title: 'Write preparation-for-adulthood outcomes into every EHCP from Year 9',
    description: 'Guidance and training for case officers and schools so that every Year 9 annual review sets outcomes for employment, independent living, community and health.',
    intendedImpact: 'Young people leave school with a plan for adult life that they helped write.',
    milestones: [
      { title: 'PfA outcomes guidance issued to case officers and schools', dueDay: -80 },
      { title: 'Audit of Year 9 annual reviews', dueDay: 60 },
    ],
  },
  {
    ref: '7.2', areaNumber: 7, priorities: [4], owner: 'adulthood', leadOrganisation: `${ORG.COUNCIL} with ${ORG.ICB}`, dueDay: 200,
    title: 'Expand supported internships with NHS and council employers',
    description: 'Supported internships for young people with EHC plans in NHS and council workplaces, with job coaches.',
    intendedImpact: 'More young people with EHC plans in paid work after their internship.',
    milestones: [
      { title: 'NHS employer partnership agreed', dueDay: -40 },
      { title: 'First supported interns start', dueDay: 120 },
    ],
  },
  {
    ref: '7.3', areaNumber: 7, priorities: [4], owner: 'clinical', leadOrganisation: ORG.ICB, dueDay: 60,
    title: 'Agree a protocol for transition to adult health services',
    description: 'A protocol so that young people with SEND move from children’s to adult health services with a planned handover from age 14.',
    intendedImpact: 'No young person loses health support at 18 because adult services were not ready.',
    milestones: [{ title: 'Transition protocol drafted with providers', dueDay: -30 }],
  },
  {
    ref: '7.4', areaNumber: 7, priorities: [4, 7], owner: 'charity', leadOrganisation: ORG.CHARITY, dueDay: 90,
    title: 'Offer independent travel training to young people with EHC plans',
    description: 'Travel training delivered by the charity for young people aged 14–19 so they can travel to school, college and work independently.',
    intendedImpact: 'More independence for young people, and lower home-to-school transport costs.',
    milestones: [{ title: 'Travel trainers recruited and trained', dueDay: -60 }],
  },
  {
    ref: '8.1', areaNumber: 8, priorities: [7], owner: 'finance', leadOrganisation: ORG.COUNCIL, dueDay: 120,
    title: 'Forecast the High Needs Block monthly and refresh the DSG management plan',
    description: 'A monthly High Needs Block forecast by placement type to the board and schools forum, and a refreshed DSG management plan.',
    intendedImpact: 'Pressures are seen early enough to act on; the board and schools forum trust the forecast.',
    milestones: [
      { title: 'Monthly forecast reported to the board and schools forum', dueDay: -80 },
      { title: 'DSG management plan refreshed', dueDay: 30 },
    ],
  },
  {
    ref: '8.2', areaNumber: 8, priorities: [7], owner: 'director', leadOrganisation: ORG.COUNCIL, dueDay: 160,
    title: 'Develop and deliver the High Needs Block deficit recovery plan',
    description: 'A deficit recovery plan built on the seven recovery priorities, with its own governance, tied to the improvement plan actions that deliver it.',
    intendedImpact: 'The in-year High Needs Block deficit falls year on year, and the cumulative deficit stops growing.',
    milestones: [
      { title: 'Recovery plan drafted against the seven priorities', dueDay: -50 },
      { title: 'Recovery plan governance live', dueDay: 40 },
      { title: 'First quarterly recovery report to the DfE', dueDay: 130 },
    ],
  },
  {
    ref: '8.3', areaNumber: 8, priorities: [1, 7], owner: 'finance', leadOrganisation: ORG.COUNCIL, dueDay: -5,
    title: 'Review top-up funding bands for mainstream and specialist settings',
    description: 'A new banding model for EHCP top-up funding, consulted on with schools, that funds need rather than hours.',
    intendedImpact: 'Top-up funding is fair and predictable for schools and affordable within the High Needs Block.',
    milestones: [{ title: 'Banding model consultation with schools', dueDay: -40 }],
  },
  {
    ref: '8.4', areaNumber: 8, priorities: [7], owner: 'finance', leadOrganisation: `${ORG.COUNCIL} with ${ORG.ICB}`, dueDay: 90,
    title: 'Set up a tripartite funding panel with health and social care',
    description: 'A joint panel that agrees education, health and care shares of the cost of complex placements before they are made.',
    intendedImpact: 'Health and care contributions agreed up front, reducing the cost falling on the High Needs Block.',
    milestones: [{ title: 'Tripartite panel terms of reference agreed', dueDay: -45 }],
  },
  {
    ref: '8.5', areaNumber: 8, priorities: [1, 2, 7], owner: 'finance', leadOrganisation: ORG.COUNCIL, dueDay: 180, addedAfterBoard: 3,
    title: 'Design a pre-EHCP funding model',
    description: 'An area-wide model for funding schools to meet needs before an EHC plan, replacing the locality top-up pilot (3.4); at an early stage.',
    intendedImpact: 'Schools can meet needs early without an EHC plan, reducing demand for statutory assessment.',
    milestones: [{ title: 'Options appraisal to the board', dueDay: 35 }],
  },
];
