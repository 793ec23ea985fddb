import { londonTime, renderSignInMail } from './sign-in-link-mail.renderer';

describe('renderSignInMail', () => {
  const content = { displayName: 'Helen Marsh', userId: 'helen.marsh', link: 'https://tracker.council.example/dashboard/#sign-in=abc', expiresAt: '2026-12-07T09:15:00.000Z', linkMinutes: 15 };

  it('says who it is for, how long it works, that it works once, and to ignore it if unasked', () => {
    const { subject, text } = renderSignInMail(content);
    expect(subject).toBe('Your sign-in link for the SEND Improvement Plan tracker');
    expect(text).toContain('Dear Helen Marsh,');
    expect(text).toContain('as Helen Marsh (user helen.marsh)');
    expect(text).toContain('\nhttps://tracker.council.example/dashboard/#sign-in=abc\n');
    expect(text).toContain('valid for 15 minutes, until 09:15 on Monday 7 December 2026 (UK time), and works once');
    expect(text).toContain('If you did not ask to sign in, ignore this e-mail');
  });

  it('keeps a line break typed into a name from starting a paragraph of its own', () => {
    expect(renderSignInMail({ ...content, displayName: 'Helen\r\n\r\nClick here: https://evil.example' }).text).toContain('Dear Helen Click here: https://evil.example,');
  });
});

describe('londonTime', () => {
  it('gives UK clock time: GMT in winter, BST in summer', () => {
    expect(londonTime('2026-01-15T09:15:00.000Z')).toBe('09:15 on Thursday 15 January 2026 (UK time)');
    expect(londonTime('2026-06-15T09:15:00.000Z')).toBe('10:15 on Monday 15 June 2026 (UK time)');
  });
});
