import { Controller, Get, Header, Inject } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.provider';
import { PublicRoute } from './public-route.decorator';

/** Each way of signing in this instance offers, by name; a way not offered is absent. */
export interface SignInOptions {
  /** A one-time link mailed to a registered person's address (AUTH_MODE=local; see sign-in-links/). */
  emailLink?: true;
}

export function signInOptions(config: AppConfig): SignInOptions {
  // With an identity provider, it signs people in; this app sends no links.
  return config.auth.mode === 'local' ? { emailLink: true } : {};
}

/** The signed-out dashboard asks here which sign-in to offer; nothing in the answer is secret, so it needs no token. */
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
