import { ConfigurationError, loadAppConfig } from './app-config';

const ENTRA = 'https://login.microsoftonline.com/11111111-2222-3333-4444-555555555555/v2.0';
const base = {
  DATA_DIR: '/tmp/send-config-spec',
  AUTH_MODE: 'oidc',
  AUTH_ISSUER: ENTRA,
  AUTH_AUDIENCE: 'api://send-tracker',
  AUTH_JWKS_URL: 'https://login.microsoftonline.com/11111111-2222-3333-4444-555555555555/discovery/v2.0/keys',
};
const auth = (extra: Record<string, string>) => {
  const config = loadAppConfig({ ...base, ...extra }).auth;
  if (config.mode !== 'oidc') throw new Error('expected oidc');
  return config;
};
const refused = (extra: Record<string, string>, message: string) => {
  expect(() => loadAppConfig({ ...base, ...extra })).toThrow(ConfigurationError);
  expect(() => loadAppConfig({ ...base, ...extra })).toThrow(message);
};

describe('loadAppConfig: single sign-on from the dashboard', () => {
  it('is off without AUTH_OIDC_CLIENT_ID: tokens are still checked, nobody is sent to the provider', () => {
    expect(auth({}).client).toBeUndefined();
  });

  it('takes the client id and scope, with the issuer as the authority unless another is named', () => {
    const scope = 'openid profile offline_access api://send-tracker/access';
    expect(auth({ AUTH_OIDC_CLIENT_ID: 'c0ffee', AUTH_OIDC_SCOPE: scope }).client).toEqual({ authority: ENTRA, clientId: 'c0ffee', scope });
    expect(auth({ AUTH_OIDC_CLIENT_ID: 'c0ffee', AUTH_OIDC_SCOPE: scope, AUTH_OIDC_AUTHORITY: 'https://sso.council.example/realms/staff/' }).client?.authority).toBe(
      'https://sso.council.example/realms/staff',
    );
  });

  it('needs openid in the scope', () => {
    refused({ AUTH_OIDC_CLIENT_ID: 'c0ffee', AUTH_OIDC_SCOPE: 'api://send-tracker/access' }, 'AUTH_OIDC_SCOPE must include openid');
    refused({ AUTH_OIDC_CLIENT_ID: 'c0ffee' }, 'AUTH_OIDC_SCOPE must include openid');
  });

  it('refuses a plain-http authority except on this machine outside production', () => {
    const scope = { AUTH_OIDC_CLIENT_ID: 'c0ffee', AUTH_OIDC_SCOPE: 'openid' };
    refused({ ...scope, AUTH_OIDC_AUTHORITY: 'http://sso.council.example' }, 'AUTH_OIDC_AUTHORITY must be an https URL');
    expect(auth({ ...scope, AUTH_OIDC_AUTHORITY: 'http://127.0.0.1:8080' }).client?.authority).toBe('http://127.0.0.1:8080');
    refused({ ...scope, AUTH_OIDC_AUTHORITY: 'http://127.0.0.1:8080', NODE_ENV: 'production' }, 'AUTH_OIDC_AUTHORITY must be an https URL, got');
    refused({ ...scope, AUTH_OIDC_AUTHORITY: 'not a url' }, 'AUTH_OIDC_AUTHORITY must be an absolute URL');
  });

  it('refuses authority or scope without a client id, rather than ignoring them', () => {
    refused({ AUTH_OIDC_SCOPE: 'openid' }, 'AUTH_OIDC_SCOPE is set but AUTH_OIDC_CLIENT_ID is not');
  });

  it('refuses single sign-on settings when the app signs its own tokens', () => {
    expect(() => loadAppConfig({ DATA_DIR: '/tmp/send-config-spec', AUTH_OIDC_CLIENT_ID: 'c0ffee' })).toThrow(
      'AUTH_OIDC_CLIENT_ID is for single sign-on, which needs AUTH_MODE=oidc (AUTH_MODE is "local")',
    );
  });

  it('matches people by id unless AUTH_USER_MATCH=email, and refuses anything else', () => {
    expect(auth({}).userMatch).toBe('id');
    // The compose file passes unset variables through as empty strings.
    expect(auth({ AUTH_USER_MATCH: '', AUTH_USER_CLAIM: '', AUTH_OIDC_CLIENT_ID: '', AUTH_OIDC_SCOPE: '', AUTH_OIDC_AUTHORITY: '' })).toMatchObject({ userMatch: 'id', userClaim: 'sub', client: undefined });
    expect(auth({ AUTH_USER_MATCH: 'email' }).userMatch).toBe('email');
    refused({ AUTH_USER_MATCH: 'upn' }, 'AUTH_USER_MATCH must be "id" or "email", got "upn"');
  });
});
