// app-config imports this file too; ConfigurationError is only read when a check fails, after both loaded.
import { ConfigurationError } from './configuration.errors';

/** What the dashboard needs to sign people in with the organisation's identity provider. */
export interface OidcClientConfig {
  /** Where the provider publishes its discovery document; for Entra ID the tenant's v2.0 issuer. */
  authority: string;
  clientId: string;
  /** Asked for at sign-in: openid, and the api's scope so the access token is issued for this api. */
  scope: string;
}

/** How a token's user claim finds a registered person: as their user id, or as their e-mail address. */
export type UserMatch = 'id' | 'email';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Page sign-in is on only when AUTH_OIDC_CLIENT_ID is set. The authority must be https (plain
 * http only for a provider on this machine, and never in production): the page sends the
 * authorisation code and receives the tokens there.
 */
export function oidcClientConfig(env: NodeJS.ProcessEnv, issuer: string, production: boolean): OidcClientConfig | undefined {
  const clientId = env.AUTH_OIDC_CLIENT_ID?.trim();
  if (!clientId) {
    const orphan = ['AUTH_OIDC_AUTHORITY', 'AUTH_OIDC_SCOPE'].find((name) => env[name]);
    if (orphan) throw new ConfigurationError(`${orphan} is set but AUTH_OIDC_CLIENT_ID is not; set the dashboard's client id (application id) too`);
    return undefined;
  }
  const authority = (env.AUTH_OIDC_AUTHORITY || issuer).replace(/\/+$/, '');
  let url: URL;
  try {
    url = new URL(authority);
  } catch {
    throw new ConfigurationError(`AUTH_OIDC_AUTHORITY must be an absolute URL like https://login.microsoftonline.com/<tenant>/v2.0, got "${authority}"`);
  }
  const loopback = url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname);
  if (url.protocol !== 'https:' && !(loopback && !production)) {
    throw new ConfigurationError(`AUTH_OIDC_AUTHORITY must be an https URL${production ? '' : ' (http only for a provider on localhost)'}, got "${authority}"`);
  }
  const scope = (env.AUTH_OIDC_SCOPE ?? '').trim().split(/\s+/).filter(Boolean);
  if (!scope.includes('openid')) {
    throw new ConfigurationError(
      `AUTH_OIDC_SCOPE must include openid and the api's scope, e.g. "openid profile offline_access api://send-tracker/access", got "${env.AUTH_OIDC_SCOPE ?? ''}"`,
    );
  }
  return { authority, clientId, scope: scope.join(' ') };
}

/** Single sign-on settings mean nothing when the app signs its own tokens: say so rather than ignore them. */
export function refuseOidcSettingsInLocalMode(env: NodeJS.ProcessEnv): void {
  const stray = ['AUTH_OIDC_CLIENT_ID', 'AUTH_OIDC_AUTHORITY', 'AUTH_OIDC_SCOPE', 'AUTH_USER_MATCH'].find((name) => env[name]);
  if (stray) throw new ConfigurationError(`${stray} is for single sign-on, which needs AUTH_MODE=oidc (AUTH_MODE is "local")`);
}

export function userMatch(env: NodeJS.ProcessEnv): UserMatch {
  // Empty is unset: the compose file passes every variable through, set or not.
  const value = env.AUTH_USER_MATCH || 'id';
  if (value !== 'id' && value !== 'email') throw new ConfigurationError(`AUTH_USER_MATCH must be "id" or "email", got "${value}"`);
  return value;
}
