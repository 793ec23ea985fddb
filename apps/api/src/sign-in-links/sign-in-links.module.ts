import { Module } from '@nestjs/common';
import { SignInLinkService } from './sign-in-link.service';
import { SignInLinksController } from './sign-in-links.controller';

/** Sign-in links by e-mail; imported only in AUTH_MODE=local (see app.module.ts). */
@Module({
  controllers: [SignInLinksController],
  providers: [SignInLinkService],
  exports: [SignInLinkService],
})
export class SignInLinksModule {}
