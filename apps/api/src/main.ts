import { Logger } from '@nestjs/common';
import { EventStore } from '@send/event-store';
import { createApp } from './app.factory';
import { ConfigurationError, loadAppConfig } from './config/app-config';
import { runtimeSupport } from './config/node-runtime';
import { EVENT_STORE } from './infrastructure/event-store.provider';
import { writesPrettyLines } from './observability/app-logger';
import { ensurePortIsFree, portProblem } from './startup/port-check';
import { startupSummary } from './startup/startup-summary';

async function main(): Promise<void> {
  const config = loadAppConfig();
  await ensurePortIsFree(config.port);
  const app = await createApp(config);
  try {
    await app.listen(config.port);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES') throw portProblem(config.port, code);
    throw error;
  }
  const logger = new Logger('Startup');
  const runtime = runtimeSupport(process.versions.node, new Date().toISOString().slice(0, 10));
  if (!runtime.supported) logger.warn(`${runtime.reason}: it no longer gets security fixes.`);
  const storeEmpty = (await app.get<EventStore>(EVENT_STORE).headPosition()) === undefined;
  const summary = startupSummary(config, { storeEmpty });
  // A person at a terminal reads a block; a log collector wants one entry a line.
  if (writesPrettyLines(config.logging?.format ?? 'auto', config.production, process.stdout.isTTY === true)) console.log(`\n${summary.join('\n')}\n`);
  else for (const line of summary) logger.log(line);
}

main().catch((error) => {
  if (error instanceof ConfigurationError) {
    console.error(`Cannot start: ${error.message}`);
  } else {
    console.error(error);
  }
  process.exit(1);
});
