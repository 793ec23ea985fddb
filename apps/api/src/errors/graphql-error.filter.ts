import { Catch } from '@nestjs/common';
import { GqlExceptionFilter } from '@nestjs/graphql';
import { toGraphQLError } from './to-graphql-error';

@Catch()
export class GraphqlErrorFilter implements GqlExceptionFilter {
  catch(exception: unknown) {
    return toGraphQLError(exception);
  }
}
