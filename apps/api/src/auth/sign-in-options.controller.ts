import { Controller, Get, Header, Inject } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.provider';
import { PublicRoute } from './public-route.decorator';

/** Each way of signing in this instance offers, by name; a way not offered is absent. */
export interface SignInOptions {
  oidc?: { authority: string; clientId: string; scope: string };
}

export function signInOptions(config: AppConfig): SignInOptions {
  const client = config.auth.mode === 'oidc' ? config.auth.client : undefined;
  return client ? { oidc: { authority: client.authority, clientId: client.clientId, scope: client.scope } } : {};
}

/**
 * The signed-out dashboard asks here which sign-in to offer. Everything in the answer is public by
 * nature (a public client's id and its provider are visible in any sign-in address), so it needs
 * no token.
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
