import { IsString, Matches } from 'class-validator';

/** What `newSignInCode` writes: 256 random bits in base64url, 43 characters, safe in a URL fragment. */
export const SIGN_IN_CODE_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export class RedeemSignInLinkBody {
  @IsString()
  @Matches(SIGN_IN_CODE_PATTERN, { message: 'code must be the 43-character code from a sign-in link; copy the whole link from the e-mail' })
  readonly code: string;
}
