import { IsString, Matches } from 'class-validator';
import { SIGN_IN_CODE_PATTERN } from '../sign-in-code';

export class RedeemSignInLinkBody {
  @IsString()
  @Matches(SIGN_IN_CODE_PATTERN, { message: 'code must be the 43-character code from a sign-in link; copy the whole link from the e-mail' })
  readonly code: string;
}
