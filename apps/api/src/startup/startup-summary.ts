import { AppConfig } from '../config/app-config';

export interface StartupFacts {
  /** Whether the event store holds no events at all after start (no plan, no people). */
  storeEmpty: boolean;
}

/**
 * What a person at the terminal needs once the app answers: where the dashboard is, how to get
 * in, and where the data lives. It is the last thing `npm start` prints, so it is not lost above
 * the framework's own lines.
 */
export function startupSummary(config: AppConfig, facts: StartupFacts): string[] {
  const base = config.reminders?.publicUrl ?? `http://localhost:${config.port}`;
  const lines = [
    'The SEND Improvement Plan tracker is ready.',
    `  Dashboard  ${base}/`,
    `  GraphQL    ${base}/graphql${config.production ? '' : ' (GraphiQL when opened in a browser)'}`,
    ...signInLines(config, facts),
    `  Data       ${dataLine(config)}`,
  ];
  if (facts.storeEmpty) {
    lines.push(
      '',
      'The event store is empty: there is no plan and nobody can sign in yet. Create the first plan administrator:',
      '  npm run grant -- --user alice@council.example --name "Alice Admin" --email alice@council.example --role PLAN_ADMINISTRATOR --area my-area',
      '(in a container: node dist/apps/api/src/cli/grant-role.js with the same options). The demo plan is loaded only into an empty store and only when DEMO_PLAN=load.',
    );
  }
  return lines;
}

function signInLines(config: AppConfig, facts: StartupFacts): string[] {
  if (config.auth.mode === 'oidc') return [`  Sign in    with your organisation account (${config.auth.issuer}) on the dashboard`];
  const demo = facts.storeEmpty || !config.loadDemoPlan ? '' : ' (demo: board-chair@demo-council.example, helen.marsh@demo-council.example …)';
  const transport = config.reminders?.transport;
  return [
    `  Sign in    with your e-mail address on the dashboard${demo}`,
    ...(transport?.type === 'folder' ? [`             the sign-in mails are .eml files in ${transport.dir}`] : []),
    '             or npm run token -- --user <user id> prints a sign-in link',
  ];
}

function dataLine(config: AppConfig): string {
  const events = config.eventStore.type === 'sqlite' ? `events in ${config.eventStore.filename}` : config.eventStore.type === 'postgres' ? 'events in PostgreSQL' : 'events in EventStoreDB';
  const reads = config.readDatabase.type === 'sqlite' ? `read models in ${config.readDatabase.filename}` : 'read models in PostgreSQL';
  return `${config.dataDir} (${events}; ${reads}; evidence files in ${config.evidenceFiles.dir})`;
}
