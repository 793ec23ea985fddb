import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { requestOf } from './authentication.guard';

/** The signed-in person, as the AuthenticationGuard established them for this request. */
export const CurrentPrincipal = createParamDecorator((_data: unknown, context: ExecutionContext) => {
  return requestOf(context).principal;
});
