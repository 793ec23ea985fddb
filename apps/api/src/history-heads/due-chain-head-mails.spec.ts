import { quartersBefore } from './due-chain-head-mails.service';

describe('the quarters whose returns a check looks at', () => {
  it.each([
    ['2026-12-07', ['2026/27 Q3', '2026/27 Q2', '2026/27 Q1', '2025/26 Q4']],
    ['2026-04-01', ['2026/27 Q1', '2025/26 Q4', '2025/26 Q3', '2025/26 Q2']],
    ['2026-03-31', ['2025/26 Q4', '2025/26 Q3', '2025/26 Q2', '2025/26 Q1']],
    ['2026-07-01', ['2026/27 Q2', '2026/27 Q1', '2025/26 Q4', '2025/26 Q3']],
  ])('on %s: the current quarter and the three before it', (date, quarters) => {
    const text = quartersBefore(date, 4).map((q) => `${q.startYear}/${String((q.startYear + 1) % 100).padStart(2, '0')} Q${q.quarter}`);
    expect(text).toEqual(quarters);
  });
});
