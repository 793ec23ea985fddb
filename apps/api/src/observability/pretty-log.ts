import { LogDestination } from '../config/observability-config';

/** A person at a terminal in England reads the clock on the wall; JSON lines keep UTC instants. */
const LONDON_TIME = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });

/** Fields a pretty line shows in its own place; the rest follow as key=value. */
const PLACED = new Set(['level', 'time', 'msg', 'context', 'service', 'pid', 'hostname', 'stack', 'event']);

/**
 * Readable lines for a person at a terminal (`npm start`): time, level, context and message, then
 * the remaining fields. Only for LOG_FORMAT=pretty, or a TTY outside production; log shippers get JSON.
 */
export function prettyLine(json: string): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return json;
  }
  const time = typeof entry.time === 'string' ? LONDON_TIME.format(new Date(entry.time)) : '';
  const level = String(entry.level ?? '').toUpperCase().padEnd(5);
  const context = entry.context ? `[${String(entry.context)}] ` : '';
  const event = entry.event && entry.event !== 'request' ? `${String(entry.event)} ` : '';
  const rest = Object.entries(entry)
    .filter(([key, value]) => !PLACED.has(key) && value !== undefined)
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(' ');
  const stack = typeof entry.stack === 'string' ? `\n${entry.stack}` : '';
  return `${time} ${level} ${context}${event}${String(entry.msg ?? '')}${rest ? ` ${rest}` : ''}${stack}\n`;
}

export function prettyDestination(out: NodeJS.WritableStream): LogDestination {
  return { write: (line: string) => void out.write(prettyLine(line)) };
}
