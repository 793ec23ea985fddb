import { Controller, Get, Header, Inject } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.provider';
import { PublicRoute } from './public-route.decorator';

/** Each way of signing in this deployment offers; a method that is not offered is absent. */
export interface SignInOptions {
  /** A one-time link sent to a registered person's e-mail address (AUTH_MODE=local). */
  emailLink?: true;
}

/** Tells the dashboard's sign-in page what to offer, before anyone is signed in. */
@Controller('auth')
export class SignInOptionsController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Get('sign-in-options')
  @PublicRoute()
  @Header('Cache-Control', 'no-store')
  options(): SignInOptions {
    const options: SignInOptions = {};
    // With an identity provider, it signs people in; this app sends no links.
    if (this.config.auth.mode === 'local') options.emailLink = true;
    return options;
  }
}
