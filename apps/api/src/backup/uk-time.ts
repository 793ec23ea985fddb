const FORMAT = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'medium', timeZone: 'Europe/London' });

/** An instant as people in the council read it: "7 December 2026 at 08:15:36 (UK time)". */
export const ukTime = (iso: string): string => `${FORMAT.format(new Date(iso))} (UK time)`;
