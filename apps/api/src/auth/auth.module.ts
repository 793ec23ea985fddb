import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.provider';
import { AuthenticationGuard, TOKEN_VERIFIER } from './authentication.guard';
import { loadOrCreateLocalSigningKey } from './local-signing-key';
import { PrincipalService } from './principal.service';
import { SignInOptionsController } from './sign-in-options.controller';
import { createTokenVerifier } from './token-verifier';

@Global()
@Module({
  controllers: [SignInOptionsController],
  providers: [
    {
      provide: TOKEN_VERIFIER,
      inject: [APP_CONFIG],
      useFactory: async (config: AppConfig) =>
        createTokenVerifier(
          config.auth,
          config.auth.mode === 'local' ? await loadOrCreateLocalSigningKey(config.auth.keyFile) : undefined,
        ),
    },
    PrincipalService,
    { provide: APP_GUARD, useClass: AuthenticationGuard },
  ],
  exports: [PrincipalService],
})
export class AuthModule {}
