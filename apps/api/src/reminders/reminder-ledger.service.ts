import { Inject, Injectable } from '@nestjs/common';
import { hostname } from 'node:os';
import {
  Actor,
  CommandMetadata,
  decideReminder,
  DomainError,
  evolveReminder,
  initialReminderState,
  ReminderCommand,
  ReminderDetails,
  ReminderEvent,
  ReminderState,
} from '@send/domain';
import { Decider, deterministicUuid, EventStore, handleCommand, WrongExpectedRevisionError } from '@send/event-store';
import { Clock } from '../common/clock';
import { loadEvent, schemaVersionOf } from '../commands/plan-deciders';
import { EVENT_STORE } from '../infrastructure/event-store.provider';

export const reminderStream = (reminderId: string) => `reminder-${reminderId}`;

const reminderDecider: Decider<ReminderCommand, ReminderEvent, ReminderState, CommandMetadata, void> = {
  initialState: initialReminderState,
  evolve: evolveReminder,
  decide: (command, state, metadata) => decideReminder(command, state, metadata),
};

const SCHEDULER: Actor = { userId: 'system', displayName: 'Reminder scheduler', role: 'SYSTEM' };

/** Which process claimed a reminder, for whoever reads a claim that never got an outcome. */
export const INSTANCE_NAME = `${hostname()}:${process.pid}`;

/**
 * The reminder streams: the only record of what was sent, and the lock that makes sure it is
 * sent once. Claims and outcomes carry command ids made from the reminder and the attempt, so
 * two instances claiming the same attempt write the same command and only one append succeeds.
 */
@Injectable()
export class ReminderLedgerService {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly clock: Clock,
  ) {}

  async state(reminderId: string): Promise<ReminderState> {
    const events = await this.store.readStream(reminderStream(reminderId));
    return events.reduce((state, recorded) => evolveReminder(state, loadEvent<ReminderEvent>(recorded)), initialReminderState());
  }

  /** The attempt this process now owns, or undefined when it is sent, given up, not yet due again, or someone else claimed it. */
  async claim(details: ReminderDetails, attempt: number): Promise<number | undefined> {
    try {
      const result = await this.execute({ type: 'ClaimReminder', data: { ...details, claimedBy: INSTANCE_NAME } }, `claim:${attempt}`);
      // Replayed: the same claim is already in the stream, written by another instance or an earlier run of this one.
      if (result.replayed || result.events.length === 0) return undefined;
      return (result.events[0] as Extract<ReminderEvent, { type: 'ReminderClaimed' }>).data.attempt;
    } catch (error) {
      if (error instanceof DomainError || error instanceof WrongExpectedRevisionError) return undefined;
      throw error;
    }
  }

  async recordSent(reminderId: string, attempt: number, accepted: string[], transport: string): Promise<void> {
    await this.execute({ type: 'RecordReminderSent', data: { reminderId, accepted, transport } }, `outcome:${attempt}`);
  }

  async recordFailed(reminderId: string, attempt: number, error: string, permanent: boolean): Promise<ReminderEvent> {
    const result = await this.execute({ type: 'RecordReminderFailed', data: { reminderId, error, permanent } }, `outcome:${attempt}`);
    return result.events[0];
  }

  private execute(command: ReminderCommand, step: string) {
    const { reminderId } = command.data;
    const commandId = deterministicUuid('reminder-command', reminderId, step);
    return handleCommand<ReminderCommand, ReminderEvent, ReminderState, CommandMetadata, void>(this.store, reminderStream(reminderId), reminderDecider, command, {
      metadata: { now: this.clock.now(), commandId, correlationId: commandId, actor: SCHEDULER },
      context: undefined,
      load: loadEvent<ReminderEvent>,
      schemaVersionOf,
    });
  }
}
