import { CryptoKey, exportJWK, generateKeyPair, importJWK, JWK, SignJWT } from 'jose';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export const LOCAL_ALGORITHM = 'ES256';

export interface LocalSigningKey {
  kid: string;
  privateKey: CryptoKey | Uint8Array;
  publicJwk: JWK;
}

/**
 * The embedded mode signs its own tokens with a key made on first start and kept in the data
 * directory (readable by its owner only), so it needs no identity provider.
 */
export async function loadOrCreateLocalSigningKey(file: string): Promise<LocalSigningKey> {
  if (!existsSync(file)) {
    const { privateKey } = await generateKeyPair(LOCAL_ALGORITHM, { extractable: true });
    const privateJwk = { ...(await exportJWK(privateKey)), kid: randomUUID(), alg: LOCAL_ALGORITHM };
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(privateJwk, null, 2), { mode: 0o600, flag: 'wx' });
  }
  const privateJwk = JSON.parse(readFileSync(file, 'utf8')) as JWK & { kid: string };
  const { d: _secret, ...publicJwk } = privateJwk;
  return { kid: privateJwk.kid, privateKey: await importJWK(privateJwk, LOCAL_ALGORITHM), publicJwk };
}

export interface TokenRequest {
  userId: string;
  issuer: string;
  audience: string;
  ttlSeconds?: number;
}

export async function mintLocalToken(key: LocalSigningKey, request: TokenRequest): Promise<string> {
  return new SignJWT({})
    .setProtectedHeader({ alg: LOCAL_ALGORITHM, kid: key.kid, typ: 'JWT' })
    .setSubject(request.userId)
    .setIssuer(request.issuer)
    .setAudience(request.audience)
    .setIssuedAt()
    .setNotBefore('0s')
    .setExpirationTime(`${request.ttlSeconds ?? 12 * 3600}s`)
    .sign(key.privateKey);
}
