import { graphqlEnum } from '../../common/graphql-enum';

/** Which knowledge a meeting's plan is shown with: what the board was told, or what is known now. */
const KNOWN_AS = ['THEN', 'NOW'] as const;
export type KnownAs = (typeof KNOWN_AS)[number];

export const KnownAs = graphqlEnum(KNOWN_AS, {
  name: 'KnownAs',
  description: 'THEN: exactly what had been recorded when the meeting closed. NOW: the same instant with the corrections recorded since.',
});
