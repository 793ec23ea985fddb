import { Provider } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.provider';
import { loadOrCreateLocalSigningKey, LocalSigningKey } from './local-signing-key';

/** The embedded mode's signing key; null with AUTH_MODE=oidc, where this app signs nothing. */
export const LOCAL_SIGNING_KEY = Symbol('LOCAL_SIGNING_KEY');

export const localSigningKeyProvider: Provider = {
  provide: LOCAL_SIGNING_KEY,
  inject: [APP_CONFIG],
  useFactory: async (config: AppConfig): Promise<LocalSigningKey | null> =>
    config.auth.mode === 'local' ? loadOrCreateLocalSigningKey(config.auth.keyFile) : null,
};
