/**
 * A report as blocks of plain text, in reading order: what a PDF (or any other page layout)
 * needs from a report, and nothing about how the report was worked out.
 */
export type ReportBlock =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'facts'; facts: [label: string, value: string][] }
  | { kind: 'table'; head: string[]; rows: string[][] };

export interface ReportDocument {
  /** The document's title, in its metadata and at the foot of every page. */
  title: string;
  /** The instant it shows: its creation date, so the same report gives the same file. */
  asAt: string;
  blocks: ReportBlock[];
}
