/** The seven priorities of the High Needs Block Deficit Recovery Plan that actions may support. */
export interface RecoveryPriority {
  number: number;
  name: string;
  description: string;
}

export const RECOVERY_PRIORITIES: readonly RecoveryPriority[] = [
  { number: 1, name: 'Build skill and capacity to meet need in mainstream', description: 'Mainstream settings equipped to meet more needs through ordinarily available provision.' },
  { number: 2, name: 'Provide support at an earlier stage', description: 'Help reaches children before needs escalate to statutory assessment.' },
  { number: 3, name: 'Develop support while waiting', description: 'Families and settings supported while assessments and placements are pending.' },
  { number: 4, name: 'Strengthen support at transition points', description: 'Phase and setting transitions planned so placements hold.' },
  { number: 5, name: 'Deliver SEND sufficiency of places and proactive commissioning', description: 'Local specialist places planned and commissioned ahead of need.' },
  { number: 6, name: 'Provide timely and high quality statutory support', description: 'EHC needs assessments and plans completed on time and to a good standard.' },
  { number: 7, name: 'Provide strong financial oversight and governance', description: 'High Needs Block spending understood, forecast and controlled.' },
];
