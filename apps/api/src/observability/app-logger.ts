import { LoggerService } from '@nestjs/common';
import { hostname } from 'node:os';
import { Level, Logger as PinoLogger, pino } from 'pino';
import { AppConfig } from '../config/app-config';
import { LogDestination, LoggingConfig } from '../config/observability-config';
import { prettyDestination } from './pretty-log';

/**
 * Nest's own start-up chatter ("InstanceLoader … dependencies initialized", "Mapped {/graphql,
 * POST} route"): useful when debugging the wiring, noise for whoever reads the log otherwise.
 */
const FRAMEWORK_CONTEXTS = new Set(['NestFactory', 'NestApplication', 'InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'GraphQLModule', 'NestApplicationContext']);

/** JSON for log shippers; readable lines only when asked, or for a person at a terminal outside production. */
export function writesPrettyLines(format: LoggingConfig['format'], production: boolean, stdoutIsTty: boolean): boolean {
  return format === 'pretty' || (format === 'auto' && stdoutIsTty && !production);
}

/** The one pino logger of an app: request lines, security events and Nest's log all go through it. */
export function createRootLogger(config: Pick<AppConfig, 'logging' | 'quiet' | 'production'>, stdoutIsTty = process.stdout.isTTY === true): PinoLogger {
  const logging = config.logging ?? { level: 'info', format: 'json' };
  const pretty = writesPrettyLines(logging.format, config.production, stdoutIsTty);
  const destination: LogDestination = logging.destination ?? (pretty ? prettyDestination(process.stdout) : pino.destination({ dest: 1, sync: true }));
  return pino(
    {
      level: config.quiet ? 'error' : logging.level,
      // Level names and ISO instants rather than pino's numbers: read by people and by any log shipper.
      formatters: { level: (label) => ({ level: label }) },
      timestamp: pino.stdTimeFunctions.isoTime,
      // The host tells several api instances apart.
      base: { service: 'send-tracker', hostname: hostname(), pid: process.pid },
    },
    destination,
  );
}

/** Nest's LoggerService over pino, so `new Logger('Startup').log(…)` anywhere lands in the same log as requests. */
export class AppLogger implements LoggerService {
  constructor(readonly root: PinoLogger) {}

  log(message: unknown, ...params: unknown[]): void {
    const context = contextOf(params);
    this.write(context !== undefined && FRAMEWORK_CONTEXTS.has(context) ? 'debug' : 'info', message, context);
  }

  error(message: unknown, ...params: unknown[]): void {
    // Nest passes (message, stack?, context?); a Logger with a context and no stack passes (message, context).
    const context = params.length > 1 ? contextOf(params) : typeof params[0] === 'string' && !isStack(params[0]) ? params[0] : undefined;
    const stack = params.find((p): p is string => typeof p === 'string' && isStack(p));
    this.write('error', message, context, stack);
  }

  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, contextOf(params));
  }

  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, contextOf(params));
  }

  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, contextOf(params));
  }

  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, contextOf(params));
  }

  private write(level: Level, message: unknown, context: string | undefined, stack?: string): void {
    if (!this.root.isLevelEnabled(level)) return;
    const fields: Record<string, unknown> = {};
    if (context !== undefined) fields.context = context;
    if (stack !== undefined) fields.stack = stack;
    if (message instanceof Error) {
      fields.stack ??= message.stack;
      this.root[level](fields, message.message);
    } else if (typeof message === 'string') {
      this.root[level](fields, message);
    } else {
      this.root[level]({ ...fields, detail: message }, '');
    }
  }
}

const contextOf = (params: unknown[]): string | undefined => {
  const last = params[params.length - 1];
  return typeof last === 'string' ? last : undefined;
};

const isStack = (text: string) => /\n\s+at /.test(text);
