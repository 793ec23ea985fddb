import { ConfigurationError } from './configuration.errors';

/** Where log lines go: pino writes each as one JSON string ending in a newline. */
export interface LogDestination {
  write(line: string): void;
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface LoggingConfig {
  level: LogLevel;
  /** `auto`: readable lines for a person at a terminal (stdout a TTY, not production), JSON otherwise. */
  format: 'json' | 'pretty' | 'auto';
  /** Tests read the lines back from here; absent, standard output. */
  destination?: LogDestination;
}

export interface MonitoringConfig {
  /** Bearer secret /metrics requires; in production /metrics is not served without one. */
  metricsToken?: string;
  /** /health/ready fails once the oldest event not yet in the read models is older than this. */
  maxProjectionLagSeconds: number;
}

export const DEFAULT_MAX_PROJECTION_LAG_SECONDS = 30;
/** A secret anyone could guess in a few tries protects nothing. */
export const MIN_METRICS_TOKEN_LENGTH = 16;

export function loggingConfig(env: NodeJS.ProcessEnv): LoggingConfig {
  const level = (env.LOG_LEVEL || 'info').toLowerCase();
  if (!(LOG_LEVELS as readonly string[]).includes(level)) throw new ConfigurationError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${env.LOG_LEVEL}"`);
  const format = env.LOG_FORMAT || 'auto';
  if (format !== 'json' && format !== 'pretty' && format !== 'auto') throw new ConfigurationError(`LOG_FORMAT must be "json", "pretty" or "auto", got "${format}"`);
  return { level: level as LogLevel, format };
}

export function monitoringConfig(env: NodeJS.ProcessEnv): MonitoringConfig {
  const token = env.METRICS_TOKEN || undefined;
  if (token !== undefined && token.length < MIN_METRICS_TOKEN_LENGTH) {
    throw new ConfigurationError(`METRICS_TOKEN must be at least ${MIN_METRICS_TOKEN_LENGTH} characters (e.g. from "openssl rand -hex 32"), got ${token.length}`);
  }
  const rawLag = env.HEALTH_MAX_PROJECTION_LAG_SECONDS;
  const lag = rawLag === undefined || rawLag === '' ? DEFAULT_MAX_PROJECTION_LAG_SECONDS : Number(rawLag);
  if (!Number.isInteger(lag) || lag < 1) throw new ConfigurationError(`HEALTH_MAX_PROJECTION_LAG_SECONDS must be a whole number of at least 1, got "${rawLag}"`);
  return { metricsToken: token, maxProjectionLagSeconds: lag };
}
