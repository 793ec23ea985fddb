/// <reference lib="dom" />
// Callbacks handed to page.evaluate run in the browser, where window and document exist.
import type { Page } from 'playwright-core';

export const RAG_WORDS = ['Red', 'Amber', 'Green', 'Blue', 'Not yet rated', 'No target'];

/**
 * The checks a machine can make honestly: every form control and button has an accessible name,
 * every RAG mark carries its word, every chart is described, and RAG text meets 4.5:1 contrast.
 * Returns one line per problem, so a failure says where.
 */
export function auditPage(page: Page): Promise<string[]> {
  return page.evaluate((ragWords) => {
    const problems: string[] = [];
    const describe = (el: Element) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className ? `.${String(el.className).split(' ')[0]}` : ''}`;
    const named = (el: Element) =>
      !!el.getAttribute('aria-label')?.trim() ||
      !!el.getAttribute('aria-labelledby')?.split(' ').some((id) => document.getElementById(id)?.textContent?.trim());

    for (const control of Array.from(document.querySelectorAll('input, select, textarea'))) {
      const labels = (control as HTMLInputElement).labels;
      if ((control as HTMLInputElement).type === 'hidden') continue;
      if (!(labels && Array.from(labels).some((l) => l.textContent?.trim())) && !named(control)) problems.push(`${describe(control)} has no label`);
    }
    for (const button of Array.from(document.querySelectorAll('button'))) {
      if (!button.textContent?.trim() && !named(button)) problems.push(`${describe(button)} has no name`);
    }
    for (const form of Array.from(document.querySelectorAll('form'))) {
      if (!named(form) && !form.querySelector('label')) problems.push(`${describe(form)} has no name and no labels`);
    }
    for (const chart of Array.from(document.querySelectorAll('svg'))) {
      // A key's swatch beside its words is decoration, hidden from assistive technology; a chart is not.
      if (chart.getAttribute('aria-hidden') === 'true' && chart.parentElement?.textContent?.trim()) continue;
      if (chart.getAttribute('role') !== 'img' || !named(chart)) problems.push(`${describe(chart)} is not described`);
    }

    const luminance = (rgb: string) => {
      const [r, g, b] = (rgb.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((v) => {
        const c = Number(v) / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    for (const mark of Array.from(document.querySelectorAll('.rag'))) {
      const word = mark.textContent?.trim() ?? '';
      if (!ragWords.includes(word)) problems.push(`RAG mark "${word}" is not a RAG word`);
      const style = getComputedStyle(mark);
      const background = style.backgroundColor === 'rgba(0, 0, 0, 0)' ? 'rgb(255, 255, 255)' : style.backgroundColor;
      const [light, dark] = [luminance(style.color), luminance(background)].sort((a, b) => b - a);
      const ratio = (light + 0.05) / (dark + 0.05);
      if (ratio < 4.5) problems.push(`RAG mark "${word}" contrast ${ratio.toFixed(2)}:1 is below 4.5:1`);
    }
    if (!document.documentElement.lang) problems.push('the page has no language');
    if (document.querySelectorAll('h1').length !== 1) problems.push(`${document.querySelectorAll('h1').length} h1 headings`);
    return problems;
  }, RAG_WORDS);
}
