import { Logger } from '@nestjs/common';
import { createApp } from './app.factory';
import { ConfigurationError, loadAppConfig } from './config/app-config';
import { runtimeSupport } from './config/node-runtime';

async function main(): Promise<void> {
  const config = loadAppConfig();
  const app = await createApp(config);
  await app.listen(config.port);
  const logger = new Logger('Startup');
  const runtime = runtimeSupport(process.versions.node, new Date().toISOString().slice(0, 10));
  if (!runtime.supported) logger.warn(`${runtime.reason}: it no longer gets security fixes.`);
  logger.log(`Event store: ${config.eventStore.type}; read database: ${config.readDatabase.type}; data: ${config.dataDir}`);
  logger.log(`GraphQL ready at http://localhost:${config.port}/graphql${config.production ? '' : ' (open it in a browser for GraphiQL)'}`);
}

main().catch((error) => {
  if (error instanceof ConfigurationError) {
    console.error(`Configuration error: ${error.message}`);
  } else {
    console.error(error);
  }
  process.exit(1);
});
