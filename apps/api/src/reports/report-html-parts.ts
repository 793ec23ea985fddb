import { ukDate, ukDateTime } from '@send/domain';

/** The pieces every section of the printable page is built from. */
export const escape = (text: string | number | null | undefined) =>
  String(text ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

/** People read the UK date; machines and screen readers get the ISO value in `datetime`. */
export const date = (iso: string | null) => (iso ? `<time datetime="${escape(iso)}">${escape(ukDate(iso))}</time>` : '');
export const dateTime = (iso: string | null) => (iso ? `<time datetime="${escape(iso)}">${escape(ukDateTime(iso))}</time>` : '');
export const table = (head: string[], rows: string[][], empty: string) =>
  rows.length === 0
    ? `<p class="none">${escape(empty)}</p>`
    : `<table><thead><tr>${head.map((h) => `<th scope="col">${escape(h)}</th>`).join('')}</tr></thead><tbody>${rows
        .map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`)
        .join('\n')}</tbody></table>`;

