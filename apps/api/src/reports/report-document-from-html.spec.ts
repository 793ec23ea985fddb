import { blocksFromReportHtml } from './report-document-from-html';
import { pdfText } from './report-pdf.renderer';

describe('blocksFromReportHtml: the report’s HTML as blocks of text for the PDF', () => {
  const html = `<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>Not a block</title><style>h1{font-size:1.6rem}</style></head>
<body><header><h1>Quarterly report</h1>
<dl><dt>Period</dt><dd>Q4 2025/26</dd><dt>As at</dt><dd><time datetime="2026-03-31T22:59:59.999Z">31 March 2026 at 11:59pm</time> (UK time)</dd></dl></header>
<main><h2>4. Red actions</h2>
<p>Counts at the end   of the
 period &amp; the change.</p>
<table><thead><tr><th scope="col">Action</th><th scope="col">Why</th></tr></thead><tbody><tr><td><a href="#action-5.6">5.6</a> Places &lt;new&gt;</td><td>Off target<br>Getting worse</td></tr>
<tr><td>6.1</td><td><em>No update yet</em></td></tr></tbody></table>
<ul><li>2 improved</li><li>O&#39;Neill&quot;s</li></ul>
<section class="action" id="a"><h3>5.6 Places</h3><p class="none">No events in the period.</p></section>
<h4>Executive summary</h4><div class="narrative">Written by the <strong>programme office</strong>.<br>Second line</div>
<blockquote><p>Quoted</p></blockquote></main></body></html>`;

  it('keeps headings, facts, paragraphs, tables and lists in order, as text, and nothing from the head', () => {
    const { title, blocks } = blocksFromReportHtml(html);
    expect(title).toBe('Quarterly report');
    expect(blocks).toEqual([
      { kind: 'heading', level: 1, text: 'Quarterly report' },
      { kind: 'facts', facts: [['Period', 'Q4 2025/26'], ['As at', '31 March 2026 at 11:59pm (UK time)']] },
      { kind: 'heading', level: 2, text: '4. Red actions' },
      { kind: 'paragraph', text: 'Counts at the end of the period & the change.' },
      { kind: 'table', head: ['Action', 'Why'], rows: [['5.6 Places <new>', 'Off target\nGetting worse'], ['6.1', 'No update yet']] },
      { kind: 'list', items: ['2 improved', 'O\'Neill"s'] },
      { kind: 'heading', level: 3, text: '5.6 Places' },
      { kind: 'paragraph', text: 'No events in the period.' },
      // Sections written with other markup still reach the PDF.
      { kind: 'heading', level: 3, text: 'Executive summary' },
      { kind: 'paragraph', text: 'Written by the programme office.\nSecond line' },
      { kind: 'paragraph', text: 'Quoted' },
    ]);
  });
});

describe('pdfText: what the standard PDF fonts can set', () => {
  it.each([
    ['▲ improved', 'improved'],
    ['RAG Green → Amber', 'RAG Green to Amber'],
    ['£71m – “gap” · 4 × 5', '£71m – “gap” · 4 × 5'],
    ['Zoë and 你好', 'Zoë and ??'],
  ])('%s → %s', (text, expected) => expect(pdfText(text)).toBe(expected));
});
