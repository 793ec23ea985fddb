import { writesPrettyLines } from '../observability/app-logger';
import { ConfigurationError, loadAppConfig } from './app-config';

const env = (values: Record<string, string>) => ({ DATA_DIR: '/tmp/send-config-spec', ...values });

describe('Logging and monitoring settings', () => {
  it('default to info, a format chosen by where the lines go, and a 30 s readiness bound with /metrics unguarded', () => {
    const config = loadAppConfig(env({}));
    expect(config.logging).toEqual({ level: 'info', format: 'auto' });
    expect(config.monitoring).toEqual({ metricsToken: undefined, maxProjectionLagSeconds: 30 });
  });

  it('take LOG_LEVEL in any case, LOG_FORMAT, METRICS_TOKEN and HEALTH_MAX_PROJECTION_LAG_SECONDS', () => {
    const config = loadAppConfig(env({ LOG_LEVEL: 'DEBUG', LOG_FORMAT: 'json', METRICS_TOKEN: 'a'.repeat(32), HEALTH_MAX_PROJECTION_LAG_SECONDS: '120' }));
    expect(config.logging).toEqual({ level: 'debug', format: 'json' });
    expect(config.monitoring).toEqual({ metricsToken: 'a'.repeat(32), maxProjectionLagSeconds: 120 });
  });

  it.each([
    [{ LOG_LEVEL: 'loud' }, /^LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got "loud"$/],
    [{ LOG_FORMAT: 'xml' }, /^LOG_FORMAT must be "json", "pretty" or "auto", got "xml"$/],
    [{ METRICS_TOKEN: 'short' }, /^METRICS_TOKEN must be at least 16 characters .*got 5$/],
    [{ HEALTH_MAX_PROJECTION_LAG_SECONDS: '0' }, /^HEALTH_MAX_PROJECTION_LAG_SECONDS must be a whole number of at least 1, got "0"$/],
    [{ HEALTH_MAX_PROJECTION_LAG_SECONDS: '2.5' }, /^HEALTH_MAX_PROJECTION_LAG_SECONDS must be a whole number/],
  ])('refuse %j with a message naming the setting', (values, message) => {
    expect(() => loadAppConfig(env(values))).toThrow(message);
    // So `npm start` prints it as a configuration error, not a crash.
    expect(() => loadAppConfig(env(values))).toThrow(ConfigurationError);
  });

  it('write JSON in production even at a terminal, and readable lines only at a terminal or when asked', () => {
    expect(writesPrettyLines('auto', true, true)).toBe(false);
    expect(writesPrettyLines('auto', false, true)).toBe(true);
    expect(writesPrettyLines('auto', false, false)).toBe(false);
    expect(writesPrettyLines('pretty', true, false)).toBe(true);
    expect(writesPrettyLines('json', false, true)).toBe(false);
  });
});
