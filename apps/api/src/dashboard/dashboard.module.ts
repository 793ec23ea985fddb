import { MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { DashboardMiddleware } from './dashboard.middleware';

/** The board's dashboard in the browser: a static page that reads and writes through /graphql. */
@Module({ providers: [DashboardMiddleware] })
export class DashboardModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    // The middleware picks its own paths; '{*path}' also matches '/', which it sends to /dashboard/.
    consumer.apply(DashboardMiddleware).forRoutes({ path: '{*path}', method: RequestMethod.GET }, { path: '{*path}', method: RequestMethod.HEAD });
  }
}
