import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { loadOrCreateLocalSigningKey, mintLocalToken } from '../auth/local-signing-key';
import { userStream } from '@send/domain';
import { ConfigurationError, loadAppConfig } from '../config/app-config';
import { createEventStore } from '../infrastructure/event-store.provider';

const USAGE = 'Usage: npm run token -- --user <user id> [--hours <1-720>]';

/**
 * `npm run token -- --user <id>`: a bearer token for a registered user in the embedded mode.
 * The token alone goes to stdout, so `TOKEN=$(npm run -s token -- --user dfe-adviser)` works; the
 * dashboard sign-in link goes to stderr with the other messages.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { user: { type: 'string' }, hours: { type: 'string', default: '12' } } });
  const hours = Number(values.hours);
  if (!values.user || !Number.isInteger(hours) || hours < 1 || hours > 720) throw new ConfigurationError(USAGE);

  const config = loadAppConfig();
  if (config.auth.mode !== 'local') {
    throw new ConfigurationError('AUTH_MODE=oidc: tokens come from your identity provider, not from this command.');
  }
  const store = await createEventStore(config.eventStore);
  try {
    const registered = await store.readStream(userStream(values.user));
    if (registered.length === 0) {
      const users = (await store.readAll())
        .filter((e) => e.type === 'UserRegistered')
        .map((e) => `  ${String(e.data.userId).padEnd(22)} ${String(e.data.displayName)}`);
      throw new ConfigurationError(
        `No user "${values.user}" is registered.` +
          (users.length > 0 ? ` Registered users:\n${users.join('\n')}` : ' Start the app once to load the demo users.'),
      );
    }
  } finally {
    await store.close();
  }
  const key = await loadOrCreateLocalSigningKey(config.auth.keyFile);
  const token = await mintLocalToken(key, {
    userId: values.user,
    issuer: config.auth.issuer,
    audience: config.auth.audience,
    ttlSeconds: hours * 3600,
  });
  console.error(`Token for ${values.user}, valid for ${hours} h. Send it as "Authorization: Bearer <token>".`);
  // The dashboard takes the token out of the address as soon as it opens, and keeps it for the tab only.
  console.error(`Sign in to the dashboard: http://localhost:${config.port}/dashboard/#token=${token}`);
  console.log(token);
}

main().catch((error) => {
  console.error(error instanceof ConfigurationError ? error.message : error);
  process.exit(1);
});
