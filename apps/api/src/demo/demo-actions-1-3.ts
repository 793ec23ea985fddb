import { DEMO_ORGANISATIONS as ORG } from './demo-owners';
import { DemoAction } from './demo-script';

/** Areas 1–3: leadership and governance, communication and co-production, early identification. */
export const DEMO_ACTIONS_1_TO_3: DemoAction[] = [
  {
    ref: '1.1', areaNumber: 1, priorities: [7], owner: 'director', leadOrganisation: ORG.COUNCIL, dueDay: 60,
    title: 'Report a single SEND performance scorecard to every board meeting',
    description: 'One scorecard of the metrics the board and the DfE adviser watch (EHCP rates, 20-week timeliness, exclusions, placements, high needs spend), with targets, polarity and sources, in every board pack.',
    intendedImpact: 'The board challenges on evidence rather than anecdote, and quarterly reporting to the DfE uses the same figures.',
    milestones: [
      { title: 'Scorecard metrics and targets agreed with the DfE SEND adviser', dueDay: -90 },
      { title: 'Scorecard produced monthly from the case management system', dueDay: 30 },
    ],
  },
  {
    ref: '1.2', areaNumber: 1, priorities: [5, 7], owner: 'clinical', leadOrganisation: ORG.ICB, dueDay: -10,
    title: 'Agree a joint commissioning and funding agreement between the council and NHS Dorset ICB',
    description: 'A section 75 agreement covering jointly funded placements, therapies and the neurodevelopmental pathway, with a joint commissioning group reporting to the board.',
    intendedImpact: 'Health contributions to EHC plans are agreed once, on time, without case-by-case disputes.',
    milestones: [
      { title: 'Heads of terms agreed by council and ICB directors', dueDay: -55 },
      { title: 'Agreement signed off by ICB board and council cabinet', dueDay: -10 },
    ],
  },
  {
    ref: '1.3', areaNumber: 1, priorities: [6], owner: 'psychology', leadOrganisation: ORG.COUNCIL, dueDay: 90,
    title: 'Run a multi-agency quality assurance framework for EHC plans',
    description: 'Monthly multi-agency audit of a sample of new and amended EHC plans against an agreed standard, with education, health and care auditors and parent carer forum moderation.',
    intendedImpact: 'More plans judged good or better, with health and care sections as specific as the education sections.',
    milestones: [
      { title: 'QA framework and audit tool agreed by the partnership', dueDay: -85 },
      { title: 'First quarterly audit report to the board', dueDay: -15 },
      { title: 'Moderation of audits with health, care and the forum', dueDay: 60 },
    ],
  },
  {
    ref: '1.4', areaNumber: 1, priorities: [6], owner: 'assessment', leadOrganisation: ORG.COUNCIL, dueDay: 45,
    title: 'Stabilise the EHC case-officer workforce with permanency above 93%',
    description: 'Permanent recruitment campaign, a career pathway for EHC coordinators and a reduction in agency case officers.',
    intendedImpact: 'Families keep the same case officer through assessment and review; fewer handovers delay plans.',
    milestones: [
      { title: 'Recruitment campaign and EHCCO career pathway launched', dueDay: -80 },
      { title: 'Case-officer permanency above 93% for three consecutive months', dueDay: 40 },
    ],
  },
  {
    ref: '1.5', areaNumber: 1, priorities: [7], owner: 'director', leadOrganisation: ORG.COUNCIL, dueDay: 75, addedAfterBoard: 3,
    title: 'Prepare the partnership self-evaluation for the statutory direction review',
    description: 'A partnership self-evaluation against the statutory direction, drawing on the scorecard, audit findings and family feedback, for the DfE review.',
    intendedImpact: 'The DfE review sees an honest, evidenced account of progress that the partnership owns.',
    milestones: [{ title: 'Draft self-evaluation to the board', dueDay: 30 }],
  },
  {
    ref: '2.1', areaNumber: 2, priorities: [], owner: 'forum', leadOrganisation: ORG.FORUM, dueDay: 100,
    title: 'Co-produce a charter and put family representatives in every workstream',
    description: 'A co-production charter agreed by the council, ICB and parent carer forum, and a family representative on each of the eight improvement workstreams.',
    intendedImpact: 'Families shape services before decisions are made, and say so in the forum survey.',
    milestones: [
      { title: 'Co-production charter signed by all partners', dueDay: -55 },
      { title: 'Family representatives on all eight workstreams', dueDay: 20 },
    ],
  },
  {
    ref: '2.2', areaNumber: 2, priorities: [], owner: 'sendAp', leadOrganisation: ORG.COUNCIL, dueDay: 40,
    title: "Redesign the Local Offer and publish 'You said, we did' every month",
    description: 'Rebuild the Local Offer website with families, and publish a monthly summary of what changed because of their feedback.',
    intendedImpact: 'Families find the support available without calling the SEND team, and can see that feedback is acted on.',
    milestones: [
      { title: 'Local Offer supplier appointed', dueDay: -60 },
      { title: 'New Local Offer site live', dueDay: 40 },
    ],
  },
  {
    ref: '2.3', areaNumber: 2, priorities: [2, 3], owner: 'assessment', leadOrganisation: ORG.COUNCIL, dueDay: -15,
    title: "Offer a 'Way Forward' meeting whenever an assessment request is declined",
    description: 'When an EHC needs assessment request is declined, the family and school are offered a meeting to agree the support that will be put in place instead.',
    intendedImpact: 'Fewer families feel left with nothing after a decline; fewer appeals against refusal to assess.',
    milestones: [
      { title: 'Meeting model and template co-designed with the parent carer forum', dueDay: -95 },
      { title: 'Way Forward meetings offered for every decline', dueDay: -50 },
    ],
  },
  {
    ref: '2.4', areaNumber: 2, priorities: [1], owner: 'inclusion', leadOrganisation: ORG.COUNCIL, dueDay: 150,
    title: 'Deliver the Belonging Plan co-produced with the youth forum',
    description: 'The delivery plan for the Belonging Strategy, written with the youth forum: what schools, the council and partners will do so children with SEND feel they belong.',
    intendedImpact: 'Children and young people with SEND report a stronger sense of belonging at school.',
    milestones: [
      { title: 'Youth forum workshops complete', dueDay: -60 },
      { title: 'Belonging Plan published', dueDay: 30 },
    ],
  },
  {
    ref: '3.1', areaNumber: 3, priorities: [1, 2], owner: 'psychology', leadOrganisation: ORG.COUNCIL, dueDay: -30,
    title: 'Publish co-produced guidance on emotionally based school non-attendance (EBSNA)',
    description: 'Guidance for schools and families on spotting and responding early to EBSNA, co-produced with the parent carer forum, SENCOs and CAMHS.',
    intendedImpact: 'Schools act earlier on emerging non-attendance, and fewer pupils reach persistent absence.',
    milestones: [
      { title: 'Co-production workshops with families and schools', dueDay: -100 },
      { title: 'Guidance published and launched to SENCOs', dueDay: -55 },
    ],
  },
  {
    ref: '3.2', areaNumber: 3, priorities: [2], owner: 'clinical', leadOrganisation: ORG.ICB, dueDay: 120,
    title: 'Build an early-years identification pathway with health visiting',
    description: 'An integrated two-year review by health visitors and early years settings, with a route to early support that does not wait for an EHC needs assessment.',
    intendedImpact: 'Needs are identified before school entry and early support starts sooner.',
    milestones: [
      { title: 'Integrated two-year review piloted in two localities', dueDay: -40 },
      { title: 'Roll-out to all localities', dueDay: 110 },
    ],
  },
  {
    ref: '3.3', areaNumber: 3, priorities: [3], owner: 'clinical', leadOrganisation: ORG.ICB, dueDay: -20,
    title: 'Support families while they wait for neurodevelopmental assessment',
    description: 'A waiting-well offer for families on the autism and ADHD assessment lists: information, commissioned parent workshops and a named contact.',
    intendedImpact: 'Families get help while they wait, and fewer requests for EHC needs assessment are made only to get support.',
    milestones: [
      { title: 'Waiting-well information pack on the Local Offer', dueDay: -70 },
      { title: 'Commissioned parent workshops running', dueDay: -20 },
    ],
  },
  {
    ref: '3.4', areaNumber: 3, priorities: [2, 7], owner: 'finance', leadOrganisation: ORG.COUNCIL, dueDay: 60,
    title: 'Pilot SEN support top-up funding without an EHCP in two localities',
    description: 'Time-limited top-up funding for schools to meet needs at SEN support, without an EHC plan, in two locality clusters.',
    intendedImpact: 'Needs met earlier in mainstream, with fewer requests for assessment made to unlock funding.',
    milestones: [{ title: 'Pilot schools identified and agreements signed', dueDay: -60 }],
  },
  {
    ref: '3.5', areaNumber: 3, priorities: [2], owner: 'commissioning', leadOrganisation: ORG.COUNCIL, dueDay: 30,
    title: 'Commission an early-identification screening app for nurseries',
    description: 'A digital screening tool for early years settings to flag speech, language and developmental needs.',
    intendedImpact: 'Earlier referral of children with emerging needs from nurseries.',
    milestones: [{ title: 'Market engagement complete', dueDay: -60 }],
  },
];
