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
  const verified = new VerifiedTokens();
  return {
    async verify(token: string): Promise<string> {
      const known = verified.userOf(token);
      if (known !== undefined) return known;
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
      verified.remember(token, userId, payload.exp!);
      return userId;
    },
  };
}

/**
 * Tokens whose signature has already been checked, so a dashboard's stream of requests pays for
 * one signature check a minute rather than one each. An entry ends at the token's expiry or after
 * a minute, whichever is first, so an expired token is refused as before.
 */
class VerifiedTokens {
  private static readonly MAX_AGE_MS = 60_000;
  private static readonly MAX_ENTRIES = 10_000;
  private readonly entries = new Map<string, { userId: string; until: number }>();

  userOf(token: string): string | undefined {
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    if (Date.now() < entry.until) return entry.userId;
    this.entries.delete(token);
    return undefined;
  }

  remember(token: string, userId: string, expiresAtSeconds: number): void {
    if (this.entries.size >= VerifiedTokens.MAX_ENTRIES) this.entries.clear();
    this.entries.set(token, { userId, until: Math.min(expiresAtSeconds * 1000, Date.now() + VerifiedTokens.MAX_AGE_MS) });
  }
}
