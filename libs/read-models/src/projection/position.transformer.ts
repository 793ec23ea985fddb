import { ValueTransformer } from 'typeorm';

/** PostgreSQL hands bigint back as a string and SQLite as a number; the domain uses bigint. */
export const positionTransformer: ValueTransformer = {
  to: (value: bigint | null | undefined) => (value === null || value === undefined ? value : value.toString()),
  from: (value: string | number | null) => (value === null ? null : BigInt(value)),
};
