import { InvalidValueError } from './domain-error';

/**
 * Evidence links are opened by board members and the DfE adviser with one click, so only web
 * addresses are links: a `javascript:` or `data:` "link" would run or render whatever its author
 * wrote in the reader's session, and the page's content security policy should be a second line,
 * not the only one.
 */
const WEB_PROTOCOLS = ['https:', 'http:'];

export function isWebLink(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return WEB_PROTOCOLS.includes(url.protocol) && url.hostname.length > 0;
}

export function requireWebLink(field: string, value: string): string {
  const link = value.trim();
  if (!isWebLink(link)) {
    throw new InvalidValueError(field, 'isWebLink', `${field} must be a web address starting https:// (or http://), like https://council.example/papers/sib-2026-09.pdf`);
  }
  return link;
}
