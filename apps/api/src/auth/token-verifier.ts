import { createLocalJWKSet, createRemoteJWKSet, JWTPayload, jwtVerify } from 'jose';
import { AuthConfig } from '../config/app-config';
import { LOCAL_ALGORITHM, LocalSigningKey } from './local-signing-key';

/** Any reason a bearer token is not accepted; the client only learns that it was not. */
export class AuthenticationError extends Error {}

export interface TokenVerifier {
  /** The user id the token speaks for. */
  verify(token: string): Promise<string>;
}

// Asymmetric algorithms only: "none" and shared-secret HMAC tokens are never accepted.
const OIDC_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512'];

export function createTokenVerifier(config: AuthConfig, localKey?: LocalSigningKey): TokenVerifier {
  const keys =
    config.mode === 'local'
      ? createLocalJWKSet({ keys: [{ ...localKey!.publicJwk, alg: LOCAL_ALGORITHM }] })
      : createRemoteJWKSet(new URL(config.jwksUrl), { cooldownDuration: 30_000, timeoutDuration: 5_000 });
  const algorithms = config.mode === 'local' ? [LOCAL_ALGORITHM] : OIDC_ALGORITHMS;
  const userClaim = config.mode === 'oidc' ? config.userClaim : 'sub';
  return {
    async verify(token: string): Promise<string> {
      let payload: JWTPayload;
      try {
        ({ payload } = await jwtVerify(token, keys, {
          issuer: config.issuer,
          audience: config.audience,
          algorithms,
          requiredClaims: ['exp', userClaim],
          clockTolerance: 30,
        }));
      } catch (error) {
        throw new AuthenticationError(error instanceof Error ? error.message : 'invalid token');
      }
      const userId = payload[userClaim];
      if (typeof userId !== 'string' || userId.length === 0) throw new AuthenticationError(`token has no ${userClaim}`);
      return userId;
    },
  };
}
