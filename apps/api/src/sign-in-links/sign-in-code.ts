import { createHash, randomBytes } from 'node:crypto';

/**
 * The code goes in the mail; only its SHA-256 is stored, so whoever reads the database (or a
 * backup of it) learns no link that works. A plain hash is enough for 256 random bits: there is
 * nothing to guess, so nothing for a slow hash to slow down.
 */
export function hashSignInCode(code: string): string {
  return createHash('sha256').update(code, 'utf8').digest('hex');
}

/** 256 random bits written base64url (the form the redeem body's SIGN_IN_CODE_PATTERN accepts). */
export function newSignInCode(): { code: string; codeHash: string } {
  const code = randomBytes(32).toString('base64url');
  return { code, codeHash: hashSignInCode(code) };
}
