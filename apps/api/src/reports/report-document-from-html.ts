import { ReportBlock } from './report-document';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };
const decode = (text: string) => text.replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, name: string) => ENTITIES[name]);
/** Runs of white space as one space, as a browser shows them; line breaks (from <br>) kept. */
const tidy = (text: string) =>
  text
    .split('\n')
    .map((line) => line.replace(/[ \t\r\f]+/g, ' ').trim())
    .filter((line, i, all) => line !== '' || (i > 0 && i < all.length - 1))
    .join('\n');

/** Elements that start or end a block: stray text before one of them is a paragraph of its own. */
const BLOCKS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'ul', 'ol', 'dl', 'table', 'div', 'section', 'article', 'aside', 'blockquote', 'figure', 'figcaption', 'pre', 'header', 'main', 'footer', 'body']);
const HEADING = /^h([1-6])$/;

const TOKEN = /<(\/?)([a-zA-Z0-9]+)[^>]*?(\/?)>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>|([^<]+)/g;

/**
 * The blocks of the report's own HTML, in order: headings, paragraphs, lists, definition lists and
 * tables, with inline markup (links, emphasis, <time>) reduced to its text. The report is written
 * once, as HTML, and any section added there reaches the PDF with no second renderer to keep in step.
 * It reads only the markup the report renderer writes (escaped text, no scripts), not any HTML.
 */
export function blocksFromReportHtml(html: string): { title: string; blocks: ReportBlock[] } {
  const blocks: ReportBlock[] = [];
  let title = '';
  let text: string | null = null;
  let skipping: string | null = null;
  let list: string[] | null = null;
  let facts: [string, string][] | null = null;
  let label = '';
  let table: { head: string[]; rows: string[][] } | null = null;
  let row: string[] | null = null;
  let inHead = false;
  /** Text outside any element the report is known to write (a <div> of narrative, say): kept as a paragraph. */
  let loose = false;

  for (const match of html.matchAll(TOKEN)) {
    const [, closing, rawName, , chunk] = match;
    if (chunk !== undefined) {
      if (skipping !== null) continue;
      if (text === null && !list && !facts && !table && chunk.trim() !== '') {
        text = '';
        loose = true;
      }
      // Line ends in the source are spaces, as a browser shows them; only <br> breaks a line.
      if (text !== null) text += decode(chunk).replace(/\s+/g, ' ');
      continue;
    }
    if (rawName === undefined) continue;
    const name = rawName.toLowerCase();
    if (skipping !== null) {
      if (closing && name === skipping) skipping = null;
      continue;
    }
    if (loose && BLOCKS.has(name)) {
      const paragraph = tidy(text ?? '');
      if (paragraph !== '') blocks.push({ kind: 'paragraph', text: paragraph });
      text = null;
      loose = false;
    }
    const level = HEADING.exec(name);
    if (!closing) {
      switch (name) {
        case 'head':
          skipping = 'head';
          break;
        case 'br':
          if (text !== null) text += '\n';
          break;
        case 'p':
        case 'li':
        case 'dt':
        case 'dd':
        case 'th':
        case 'td':
          text = '';
          break;
        case 'ul':
        case 'ol':
          list = [];
          break;
        case 'dl':
          facts = [];
          break;
        case 'table':
          table = { head: [], rows: [] };
          break;
        case 'thead':
          inHead = true;
          break;
        case 'tr':
          row = [];
          break;
        default:
          if (level) text = '';
          break;
      }
      continue;
    }
    const done = tidy(text ?? '');
    switch (name) {
      case 'p':
        blocks.push({ kind: 'paragraph', text: done });
        text = null;
        break;
      case 'li':
        list?.push(done);
        text = null;
        break;
      case 'ul':
      case 'ol':
        if (list) blocks.push({ kind: 'list', items: list });
        list = null;
        break;
      case 'dt':
        label = done;
        text = null;
        break;
      case 'dd':
        facts?.push([label, done]);
        text = null;
        break;
      case 'dl':
        if (facts) blocks.push({ kind: 'facts', facts });
        facts = null;
        break;
      case 'th':
      case 'td':
        row?.push(done);
        text = null;
        break;
      case 'tr':
        if (table && row) {
          if (inHead) table.head = row;
          else table.rows.push(row);
        }
        row = null;
        break;
      case 'thead':
        inHead = false;
        break;
      case 'table':
        if (table) blocks.push({ kind: 'table', ...table });
        table = null;
        break;
      default:
        if (level) {
          if (name === 'h1' && title === '') title = done;
          // The PDF has three sizes of heading; smaller ones take the third.
          blocks.push({ kind: 'heading', level: Math.min(3, Number(level[1])) as 1 | 2 | 3, text: done });
          text = null;
        }
        // Inline markup and containers (section, main) close with nothing to add.
        break;
    }
  }
  return { title, blocks };
}
