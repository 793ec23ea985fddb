import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { Role, ROLES } from '@send/domain';
import { ownerIdFor } from '@send/event-store';
import { Clock } from '../common/clock';
import { PlanCommandService } from '../commands/plan-command.service';
import { ConfigurationError, loadAppConfig } from '../config/app-config';
import { acceptText } from '../hardening/text-rule';
import { createEventStore } from '../infrastructure/event-store.provider';

const USAGE = `Usage: npm run grant -- --user <id> --role <${ROLES.join('|')}> --area <local area id>
                       [--name "<display name>"] [--owner-name "<name>" --owner-organisation "<organisation>"]
                       [--email <address their reminders go to>]`;

const OPERATOR = { userId: 'operator', displayName: 'Operator (command line)', role: 'SYSTEM' };

/**
 * `npm run grant`: registers a person if needed and grants them a role, as the operator. This is
 * how the first plan administrator of a deployment gets in; after that, administrators use the
 * registerUser and grantRole mutations. Both are recorded as events.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      user: { type: 'string' },
      role: { type: 'string' },
      area: { type: 'string' },
      name: { type: 'string' },
      'owner-name': { type: 'string' },
      'owner-organisation': { type: 'string' },
      email: { type: 'string' },
    },
  });
  if (!values.user || !values.role || !values.area || !(ROLES as readonly string[]).includes(values.role)) throw new ConfigurationError(USAGE);
  // The command line is an edge too: the same text rule as GraphQL and uploads, before anything is written.
  const text = (option: keyof typeof values): string | undefined => (values[option] === undefined ? undefined : acceptText(`--${option}`, values[option]!));
  const [user, role, area] = [text('user')!, values.role, text('area')!];
  const [name, ownerName, ownerOrganisation, email] = [text('name'), text('owner-name'), text('owner-organisation'), text('email')];

  const config = loadAppConfig();
  const store = await createEventStore(config.eventStore);
  const commands = PlanCommandService.over(store, new Clock());
  const asOperator = { principal: 'system' as const, actor: OPERATOR };
  try {
    const ownerId = ownerName && ownerOrganisation ? ownerIdFor(ownerName, ownerOrganisation) : null;
    const { registered, granted } = await commands.ensureUser(
      { userId: user, displayName: name ?? user, ownerId, email },
      [{ role: role as Role, localAreaId: area }],
      asOperator,
    );
    if (registered) console.log(`Registered ${user}${ownerId ? ' (acting as an action owner)' : ''}.`);
    if (email) console.log(`Reminders to ${user} go to ${email}.`);
    console.log(granted > 0 ? `Granted ${role} in ${area} to ${user}.` : `${user} already holds ${role} in ${area}.`);
  } finally {
    await store.close();
  }
}

main().catch((error) => {
  console.error(error instanceof ConfigurationError ? error.message : error instanceof Error ? error.message : error);
  process.exit(1);
});
