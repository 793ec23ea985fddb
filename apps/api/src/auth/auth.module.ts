import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.provider';
import { AuthenticationGuard, TOKEN_VERIFIER } from './authentication.guard';
import { LocalSigningKey } from './local-signing-key';
import { LOCAL_SIGNING_KEY, localSigningKeyProvider } from './local-signing-key.provider';
import { PrincipalService } from './principal.service';
import { SignInOptionsController } from './sign-in-options.controller';
import { createTokenVerifier } from './token-verifier';

@Global()
@Module({
  controllers: [SignInOptionsController],
  providers: [
    localSigningKeyProvider,
    {
      provide: TOKEN_VERIFIER,
      inject: [APP_CONFIG, LOCAL_SIGNING_KEY],
      useFactory: (config: AppConfig, key: LocalSigningKey | null) => createTokenVerifier(config.auth, key ?? undefined),
    },
    PrincipalService,
    { provide: APP_GUARD, useClass: AuthenticationGuard },
  ],
  exports: [PrincipalService, TOKEN_VERIFIER, LOCAL_SIGNING_KEY],
})
export class AuthModule {}
