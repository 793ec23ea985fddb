import { Transform } from 'class-transformer';
import { IsString, MaxLength, registerDecorator } from 'class-validator';
import { isEmailAddress } from '@send/domain';

/** The same rule as the addresses administrators store (libs/domain), so any stored address can be asked for. */
function IsEmailAddress() {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isEmail',
      target: target.constructor,
      propertyName,
      options: { message: `${propertyName} must be an e-mail address like name@council.example` },
      validator: { validate: (value: unknown) => isEmailAddress(value) },
    });
}

export class RequestSignInLinkBody {
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MaxLength(254)
  @IsEmailAddress()
  readonly email: string;
}
