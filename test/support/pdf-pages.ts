/// <reference lib="dom" />
// The page callback runs in the browser, where document and the canvas exist.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';

export interface PdfText {
  /** Each page's text, lines ended by "\n" where pdf.js saw a line end. */
  pages: string[];
  info: Record<string, unknown>;
}

/** A PDF's text page by page, as pdf.js reads it. */
export function pdfText(pdf: Buffer): PdfText {
  const file = join(mkdtempSync(join(tmpdir(), 'send-pdf-')), 'document.pdf');
  writeFileSync(file, pdf);
  const out = execFileSync(process.execPath, [join(__dirname, 'pdf-text.mjs'), file], { cwd: join(__dirname, '..', '..'), maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(out.toString('utf8')) as PdfText;
}

const PDFJS = join(__dirname, '..', '..', 'node_modules', 'pdfjs-dist', 'build');
const ORIGIN = 'http://pdf.test';

/**
 * Page 1 drawn by pdf.js on a canvas in headless Chromium, as a reader's browser shows it: the
 * screenshot's PNG, and the share of its pixels that are not white (0 for a blank page).
 */
export async function renderFirstPage(browser: Browser, pdf: Buffer): Promise<{ png: Buffer; inked: number; width: number; height: number }> {
  const context = await browser.newContext({ viewport: { width: 900, height: 1300 } });
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    const files: Record<string, { body: Buffer; contentType: string }> = {
      '/pdf.mjs': { body: readFileSync(join(PDFJS, 'pdf.mjs')), contentType: 'text/javascript' },
      '/pdf.worker.mjs': { body: readFileSync(join(PDFJS, 'pdf.worker.mjs')), contentType: 'text/javascript' },
      '/document.pdf': { body: pdf, contentType: 'application/pdf' },
      '/': { body: Buffer.from('<!DOCTYPE html><html><body style="margin:0;background:#fff"><canvas id="page"></canvas></body></html>'), contentType: 'text/html' },
    };
    await page.route(`${ORIGIN}/**`, (route) => {
      const file = files[new URL(route.request().url()).pathname];
      return file ? route.fulfill({ status: 200, body: file.body, contentType: file.contentType }) : route.fulfill({ status: 404 });
    });
    await page.goto(`${ORIGIN}/`);
    // A module script of its own: the suites' compiler would turn an import() in a callback into require().
    await page.addScriptTag({
      type: 'module',
      content: `
        const pdfjs = await import(new URL('/pdf.mjs', location.href).href);
        pdfjs.GlobalWorkerOptions.workerSrc = new URL('/pdf.worker.mjs', location.href).href;
        const doc = await pdfjs.getDocument({ url: new URL('/document.pdf', location.href).href }).promise;
        const first = await doc.getPage(1);
        const viewport = first.getViewport({ scale: 1.4 });
        const canvas = document.getElementById('page');
        canvas.width = viewport.width;
        canvas.height = viewport.height;
        await first.render({ canvas, canvasContext: canvas.getContext('2d'), viewport }).promise;
        document.body.dataset.rendered = 'yes';`,
    });
    await page.waitForSelector('body[data-rendered="yes"]', { timeout: 20_000 }).catch((error: Error) => {
      throw new Error(`pdf.js did not draw the page: ${errors.join('; ') || error.message}`);
    });
    const size = await page.evaluate(() => {
      const canvas = document.getElementById('page') as HTMLCanvasElement;
      return { width: canvas.width, height: canvas.height };
    });
    const inked = await page.evaluate(() => {
      const canvas = document.getElementById('page') as HTMLCanvasElement;
      const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
      let dark = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i + 3] > 0 && (data[i] < 200 || data[i + 1] < 200 || data[i + 2] < 200)) dark += 1;
      return dark / (data.length / 4);
    });
    const png = await page.locator('#page').screenshot();
    return { png, inked, ...size };
  } finally {
    await context.close();
  }
}
