import { createHash } from 'node:crypto';

/**
 * A UUID derived from its parts (SHA-1, shaped as RFC 4122 version 5 so EventStoreDB accepts it
 * as an event id): the same parts always give the same id.
 */
export function deterministicUuid(...parts: string[]): string {
  const hex = createHash('sha1').update(parts.join('\u0000')).digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
