/** The eight headings of the SEND and AP Improvement Plan; actions are numbered by area (8.2). */
export interface ImprovementArea {
  number: number;
  name: string;
  description: string;
}

export const IMPROVEMENT_AREAS: readonly ImprovementArea[] = [
  { number: 1, name: 'Leadership, Management and Governance', description: 'Strategic leadership and accountability across SEND services.' },
  { number: 2, name: 'Communication and Co-production', description: 'Transparency and co-production with families, schools and partners.' },
  { number: 3, name: 'Early Identification and Intervention', description: 'Needs identified early and early support within reach.' },
  { number: 4, name: 'Inclusion', description: 'Inclusive practice embedded in every setting.' },
  { number: 5, name: 'Pathway', description: 'Clear, consistent pathways for children and young people with SEND.' },
  { number: 6, name: 'Sufficiency', description: 'Enough local specialist places and fewer out-of-area placements.' },
  { number: 7, name: 'Preparation for Adulthood', description: 'Independence, employment and life skills for young people.' },
  { number: 8, name: 'Managing Resources', description: 'Financial sustainability and value for money while improving outcomes.' },
];
