import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import {
  Actor,
  CommandMetadata,
  DomainError,
  ReminderCommand,
  reminderDecider,
  ReminderDetails,
  ReminderEvent,
  ReminderState,
  reminderStream,
  schemaVersionOf,
} from '@send/domain';
import { deterministicUuid, EventStore, foldStream, handleCommand, WrongExpectedRevisionError } from '@send/event-store';
import { Clock } from '../common/clock';
import { EVENT_STORE } from '../infrastructure/event-store.provider';

/** Only the claimant records an outcome, so a retry of that write may safely be recognised as one. */
const outcomeCommandId = (reminderId: string, attempt: number) => deterministicUuid('reminder-outcome', reminderId, String(attempt));

const SCHEDULER: Actor = { userId: 'system', displayName: 'Reminder scheduler', role: 'SYSTEM' };

/** Which process claimed a reminder, for whoever reads a claim that never got an outcome. */
export const INSTANCE_NAME = `${hostname()}:${process.pid}`;

/**
 * The reminder streams: the only record of what was sent, and the lock that makes sure it is
 * sent once. Each claim is a command of its own (a fresh id), appended at the revision its
 * claimant read: of two instances claiming at once, the store takes one and refuses the other.
 * A shared command id would not do: a store may answer an identical retried append as a success
 * (EventStoreDB does), and then both would think they had claimed it.
 */
@Injectable()
export class ReminderLedgerService {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly clock: Clock,
  ) {}

  async state(reminderId: string): Promise<ReminderState> {
    return (await foldStream(this.store, reminderStream(reminderId), reminderDecider)).state;
  }

  /** The attempt this process now owns, or undefined when it is sent, given up, not yet due again, or someone else claimed it. */
  async claim(details: ReminderDetails): Promise<number | undefined> {
    try {
      const result = await this.execute({ type: 'ClaimReminder', data: { ...details, claimedBy: INSTANCE_NAME } }, randomUUID());
      if (result.replayed || result.events.length === 0) return undefined;
      return (result.events[0] as Extract<ReminderEvent, { type: 'ReminderClaimed' }>).data.attempt;
    } catch (error) {
      if (error instanceof DomainError || error instanceof WrongExpectedRevisionError) return undefined;
      throw error;
    }
  }

  async recordSent(reminderId: string, attempt: number, accepted: string[], transport: string): Promise<void> {
    await this.execute({ type: 'RecordReminderSent', data: { reminderId, accepted, transport } }, outcomeCommandId(reminderId, attempt));
  }

  async recordFailed(reminderId: string, attempt: number, error: string, permanent: boolean): Promise<ReminderEvent> {
    const result = await this.execute({ type: 'RecordReminderFailed', data: { reminderId, error, permanent } }, outcomeCommandId(reminderId, attempt));
    return result.events[0];
  }

  private execute(command: ReminderCommand, commandId: string) {
    const { reminderId } = command.data;
    return handleCommand<ReminderCommand, ReminderEvent, ReminderState, CommandMetadata, void>(this.store, reminderStream(reminderId), reminderDecider, command, {
      metadata: { now: this.clock.now(), commandId, correlationId: commandId, actor: SCHEDULER },
      context: undefined,
      schemaVersionOf,
    });
  }
}
