import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { ChainIntegrity, IncrementalChainVerifier } from '@send/event-store';
import { createApp } from '../app.factory';
import { ConfigurationError, loadAppConfig } from '../config/app-config';
import { CHAIN_INTEGRITY, EVENT_STORE } from '../infrastructure/event-store.provider';
import { ChainHeadMailOutcome, ChainHeadMailSenderService } from '../history-heads/chain-head-mail-sender.service';
import { Clock } from '../common/clock';

const USAGE = 'Usage: npm run send-chain-heads';

const SAID: Record<ChainHeadMailOutcome, string> = {
  sent: 'sent',
  failed: 'FAILED',
  alreadyHandled: 'done before',
  takenElsewhere: 'taken by another instance',
  unaddressed: 'no address',
  unverified: 'NOT VERIFIED',
};

/**
 * `npm run send-chain-heads`: verifies the whole history, then mails the chain head for every
 * occasion due now that has not had its mail, exactly as the api's timer does (and safely beside
 * it: each mail is claimed in the event store before it is sent). A history that does not verify
 * gets no mail: its head would vouch for a forgery.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { help: { type: 'boolean' } } });
  if (values.help) return console.log(USAGE);
  const loaded = loadAppConfig();
  const config = { ...loaded, reminders: { ...loaded.reminders!, scheduler: false }, chainHeadMails: { ...loaded.chainHeadMails!, scheduler: false }, loadDemoPlan: false, quiet: true };
  const started = Date.now();
  const app = await createApp(config, new Clock());
  try {
    await app.init();
    console.log('Verifying the history before mailing its head…');
    const verification = await new IncrementalChainVerifier(app.get(EVENT_STORE), { acceptUnchainedHistory: config.eventStore.type === 'esdb' }).verify({ full: true });
    const integrity = app.get<ChainIntegrity>(CHAIN_INTEGRITY);
    if (verification.firstBreak) integrity.broken(verification.firstBreak, new Date().toISOString());
    else integrity.verified(verification.head, new Date().toISOString());
    const head = integrity.verifiedHead();
    console.log(head ? `  head ${head.position}:${head.hash}` : `  the history does not verify (run npm run verify): nothing will be mailed`);
    const transport = config.reminders.transport.type === 'smtp' ? 'the SMTP server' : `.eml files in ${config.reminders.transport.dir}`;
    console.log(`Mailing the chain heads due now to ${transport}…`);
    const summary = await app.get(ChainHeadMailSenderService).run({
      onProgress: (done, total, mail, outcome) => {
        const to = mail.recipients.length > 0 ? mail.recipients.join(', ') : `the ${mail.localAreaId} DfE adviser and board chair`;
        console.log(`  [${done}/${total}] ${SAID[outcome].padEnd(12)} ${mail.occasion.padEnd(18)} ${to} (${mail.key})`);
      },
    });
    console.log(
      `Done in ${((Date.now() - started) / 1000).toFixed(1)} s: ${summary.due} due; ${summary.sent} sent, ${summary.failed} failed, ` +
        `${summary.alreadyHandled} done before, ${summary.takenElsewhere} taken by another instance, ${summary.unaddressed} with no email address, ${summary.unverified} held back (history not verified).`,
    );
    if (summary.failed > 0 || summary.unverified > 0) process.exitCode = 1;
  } finally {
    await app.close();
  }
}

main().catch((error) => {
  console.error(error instanceof ConfigurationError ? `Configuration error: ${error.message}` : error);
  process.exit(1);
});
