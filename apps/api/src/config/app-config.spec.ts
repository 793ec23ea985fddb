import { DEFAULT_MAX_STREAMS } from '@send/event-store';
import { ConfigurationError, loadAppConfig } from './app-config';

describe('loadAppConfig: COMMAND_CACHE_STREAMS', () => {
  const env = (value?: string) => ({ DATA_DIR: '/tmp/send-config-spec', ...(value === undefined ? {} : { COMMAND_CACHE_STREAMS: value }) });

  it('keeps every national action by default', () => {
    expect(loadAppConfig(env()).commandCacheStreams).toBe(DEFAULT_MAX_STREAMS);
    expect(DEFAULT_MAX_STREAMS).toBeGreaterThanOrEqual(150 * 120);
  });

  it('takes a whole number, 0 included (no cache)', () => {
    expect(loadAppConfig(env('500')).commandCacheStreams).toBe(500);
    expect(loadAppConfig(env('0')).commandCacheStreams).toBe(0);
  });

  it.each(['-1', '2.5', 'lots'])('refuses %s, naming the variable', (value) => {
    expect(() => loadAppConfig(env(value))).toThrow(ConfigurationError);
    expect(() => loadAppConfig(env(value))).toThrow(`COMMAND_CACHE_STREAMS must be a whole number of at least 0, got "${value}"`);
  });
});
