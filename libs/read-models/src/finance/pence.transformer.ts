import { ValueTransformer } from 'typeorm';

/**
 * Pence are kept in bigint columns (£183m is past a 32-bit integer) and read back as JS numbers,
 * exact below 2^53: PostgreSQL hands bigint back as a string and SQLite as a number.
 */
export const penceTransformer: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null) => (value === null ? null : Number(value)),
};
