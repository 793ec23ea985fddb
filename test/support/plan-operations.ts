/** GraphQL documents the e2e suites share, written as a client would write them. */
export const ACTION_FIELDS = `
  id ref areaNumber priorityNumbers title status rag latestCommentary lastAsAt dueDate overdue stale revision
  delegates { userId name }
  owner { id name role organisation }
  milestones { id title dueDate completedOn overdue }
  evidence { id kind title status rejectionReason link documentReference submittedBy }
  timeline { at revision eventType summary changes { field from to } actor { userId name role } }
`;

export const CREATE_PLAN = `
  mutation ($input: CreatePlanInput!) { createPlan(input: $input) { id title version staleAfterDays areas { number name } priorities { number name } } }
`;

export const ADD_ACTION = `
  mutation ($input: AddActionInput!) { addAction(input: $input) { ${ACTION_FIELDS} } }
`;

export const change = (mutation: string, inputType: string) => `
  mutation ($input: ${inputType}!) { ${mutation}(input: $input) { ${ACTION_FIELDS} } }
`;

export function planInput(planId: string, localAreaId = 'test-area') {
  return {
    planId,
    localAreaId,
    localAreaName: 'Test local area',
    title: 'SEND and AP Improvement Plan',
    version: '2.0',
    approvedOn: '2025-09-18',
  };
}

export function actionInput(planId: string, ref: string, overrides: Record<string, unknown> = {}) {
  const areaNumber = Number(ref.split('.')[0]);
  return {
    planId,
    ref,
    areaNumber,
    priorityNumbers: [7],
    title: 'Develop and deliver the High Needs Block deficit recovery plan',
    description: 'A recovery plan for the DSG High Needs Block deficit, with governance live by January 2026.',
    intendedImpact: 'In-year High Needs Block spend brought back within the grant.',
    owner: { name: 'Alex Morgan', role: 'Finance Lead – High Needs', organisation: 'Council' },
    leadOrganisation: 'Council',
    dueDate: '2026-03-31',
    milestones: [{ title: 'Recovery plan drafted', dueDate: '2025-12-01' }],
    ...overrides,
  };
}
