/** "8.2" -> "0008.000002": numeric parts padded so string order matches plan order. */
export function refSortKey(ref: string): string {
  return ref
    .split('.')
    .map((part) => part.replace(/^\d+/, (digits) => digits.padStart(6, '0')))
    .join('.');
}
