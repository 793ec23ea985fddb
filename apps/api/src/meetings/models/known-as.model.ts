import { registerEnumType } from '@nestjs/graphql';

/** Which knowledge a meeting's plan is shown with: what the board was told, or what is known now. */
export enum KnownAs {
  THEN = 'THEN',
  NOW = 'NOW',
}

registerEnumType(KnownAs, {
  name: 'KnownAs',
  description: 'THEN: exactly what had been recorded when the meeting closed. NOW: the same instant with the corrections recorded since.',
});
