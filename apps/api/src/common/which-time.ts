/**
 * The two times an argument or field can mean, worded once so every read, input and output says
 * them alike: `recordedBy` (what had been recorded by an instant) and `asOfDate` (the business day
 * an update describes). Both used to be spelt `asAt`; the old names stay for one release,
 * deprecated, so clients have that release to move.
 */

/** The release whose schema no longer has the old `asAt` names. */
export const ASAT_REMOVED_IN = '0.3.0';

const renamed = (newName: string, meaning: string) => `Renamed ${newName} (same value: ${meaning}); the old name goes in release ${ASAT_REMOVED_IN}.`;

export const RECORDED_BY_ARGUMENT =
  'Show it exactly as it was recorded by this instant, rebuilt from the event history: only what had been entered by then, whatever day the updates describe. A date means the end of that day in the UK (23:59:59.999 London time).';

export const RECORDED_BY_DEPRECATED = renamed('recordedBy', 'the instant the view shows what had been recorded by');
export const AS_OF_DATE_DEPRECATED = renamed('asOfDate', 'the business date, YYYY-MM-DD, that it describes');
export const LAST_AS_OF_DATE_DEPRECATED = renamed('lastAsOfDate', 'the business date the latest update describes');
export const CURRENT_AS_OF_DATE_DEPRECATED = renamed('currentAsOfDate', 'the business date the current score describes');
