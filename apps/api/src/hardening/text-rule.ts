import { InvalidValueError } from '@send/domain';

/**
 * The one rule every piece of text passes at the edge (GraphQL variables and literals, upload
 * form fields and file names, spreadsheet cells) before it can reach an event. The event, the
 * read models and the history hash must hold the same code points; these are the characters
 * that would make them disagree, or that mislead a reader.
 */
export interface TextViolation {
  rule: 'wellFormedUnicode' | 'noControlCharacters' | 'noBidiControls';
  message: string;
}

/**
 * C0 control characters other than tab, line feed and carriage return. They have no place in a
 * commentary or a title, PostgreSQL refuses NUL in text outright (a stored one would stop the
 * projections), and others corrupt CSV and printed reports.
 */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** Embeddings, overrides and isolates: they reorder what is shown ("invoice\u202Efdp.exe" reads as "invoiceexe.pdf"). */
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;

export function textViolation(text: string): TextViolation | undefined {
  // A lone surrogate cannot be encoded as UTF-8, so SQLite and PostgreSQL store U+FFFD instead and
  // the read models stop agreeing with the event.
  if (!text.isWellFormed()) {
    return { rule: 'wellFormedUnicode', message: 'contains a lone UTF-16 surrogate; text must be well-formed Unicode' };
  }
  if (CONTROL.test(text)) {
    return { rule: 'noControlCharacters', message: 'contains a control character; only tab and line breaks are allowed in text' };
  }
  if (BIDI_CONTROL.test(text)) {
    return { rule: 'noBidiControls', message: 'contains a bidirectional control character (U+202A–U+202E, U+2066–U+2069), which can disguise what the text says' };
  }
  return undefined;
}

/** The composed form (NFC), so "é" typed as e + U+0301 and as U+00E9 are one value in every store. */
export const normalText = (text: string): string => text.normalize('NFC');

/** The same rule for one named value at a plain HTTP route: refused naming the field and rule, or returned composed. */
export function acceptText(field: string, text: string): string {
  const violation = textViolation(text);
  if (violation) throw new InvalidValueError(field, violation.rule, `${field} ${violation.message}`);
  return normalText(text);
}
