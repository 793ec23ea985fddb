import 'reflect-metadata';
import { INestApplication, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import { Clock } from './common/clock';
import { AppConfig } from './config/app-config';
import { GraphqlErrorFilter } from './errors/graphql-error.filter';
import { validationErrorFactory } from './errors/validation-error.factory';
import { mountGraphiql } from './graphiql/graphiql.middleware';
import { AppLogger } from './observability/app-logger';
import { RequestLog } from './observability/request-log';
import { ChainIntegrity } from '@send/event-store';
import { historyIntegrityHeader } from './history/history-integrity.plugin';
import { CHAIN_INTEGRITY } from './infrastructure/event-store.provider';

/** Builds the whole app, the same way for `npm start` and for the end-to-end tests. */
export async function createApp(config: AppConfig, clock: Clock = new Clock()): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(config, clock), {
    // Held until the app's own logger (JSON or pretty, LOG_LEVEL) is built with the app, then written through it.
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(app.get(AppLogger));
  // First, so every request is timed and logged, whatever answers it.
  app.use(app.get(RequestLog).handle);
  app.use(historyIntegrityHeader(app.get<ChainIntegrity>(CHAIN_INTEGRITY)));
  app.useBodyParser('json', { limit: '1mb' });
  if (config.trustProxy !== undefined) app.set('trust proxy', config.trustProxy);
  if (!config.production) mountGraphiql((path, handler) => app.use(path, handler), config.graphiqlDir ?? 'no folder');
  app.useGlobalPipes(
    new ValidationPipe({
      transform: true,
      whitelist: true,
      forbidNonWhitelisted: true,
      exceptionFactory: validationErrorFactory,
    }),
  );
  app.useGlobalFilters(new GraphqlErrorFilter());
  app.enableShutdownHooks();
  return app;
}
