import { Controller, Get, Header, Inject } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.provider';
import { PublicRoute } from './public-route.decorator';

/** Each way of signing in this instance offers, by name; a way not offered is absent. */
export interface SignInOptions {
  /** A one-time link mailed to a registered person's address (AUTH_MODE=local; see sign-in-links/). */
  emailLink?: true;
  /** The organisation's identity provider (AUTH_MODE=oidc with AUTH_OIDC_CLIENT_ID): code flow with PKCE in the page. */
  oidc?: { authority: string; clientId: string; scope: string };
}

export function signInOptions(config: AppConfig): SignInOptions {
  // With an identity provider, it signs people in; this app sends no links.
  if (config.auth.mode === 'local') return { emailLink: true };
  const client = config.auth.client;
  return client ? { oidc: { authority: client.authority, clientId: client.clientId, scope: client.scope } } : {};
}

/**
 * The signed-out dashboard asks here which sign-in to offer. Nothing in the answer is secret (a
 * public client's id and its provider are visible in any sign-in address), so it needs no token.
 */
@Controller('auth')
export class SignInOptionsController {
  private readonly options: SignInOptions;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.options = signInOptions(config);
  }

  @Get('sign-in-options')
  @PublicRoute()
  @Header('Cache-Control', 'no-cache')
  get(): SignInOptions {
    return this.options;
  }
}
