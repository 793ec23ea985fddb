/**
 * How many columns lay `count` tiles out in as few rows as fit `width`, with the rows as even as
 * can be: 8 tiles where 7 fit make two rows of 4, not 7 and 1.
 */
export function balancedColumns(count: number, width: number, minTile: number, gap: number): number {
  if (count <= 0) return 1;
  const fit = Math.max(1, Math.floor((width + gap) / (minTile + gap)));
  const rows = Math.ceil(count / fit);
  return Math.ceil(count / rows);
}
