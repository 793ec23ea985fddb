import { ActionState } from '../action/action.decider';
import { CommandMetadata } from '../shared/command-metadata';
import { refusal } from '../shared/refusal.fixture';
import { ChallengeCommand } from './challenge.commands';
import { ChallengeState, decideChallenge, evolveChallenge, initialChallengeState } from './challenge.decider';
import { ChallengeEvent } from './challenge.events';

// What each refusal names and says, and the resolving note: the mutation run (docs/testing.md)
// found these untested in challenge.decider.spec.ts.
const meta: CommandMetadata = { now: '2026-12-07T10:00:00.000Z', commandId: 'c1', correlationId: 'c1' };
const given = (events: ChallengeEvent[]): ChallengeState => events.reduce(evolveChallenge, initialChallengeState());
const action = { exists: true, actionId: 'a-8-2', planId: 'plan-1', ref: '8.2' } as ActionState;
const challengeId = 'ch-1';
const raise = (subject: unknown): ChallengeCommand =>
  ({ type: 'RaiseChallenge', data: { challengeId, planId: 'plan-1', subject, question: 'Why is 8.2 Green?' } }) as ChallengeCommand;
const raised = () => decideChallenge(raise({ kind: 'ACTION', id: 'a-8-2' }), given([]), meta, { action });
const when = (command: ChallengeCommand, events: ChallengeEvent[]) => decideChallenge(command, given(events), meta);
const answered = () => [...raised(), ...when({ type: 'AnswerChallenge', data: { challengeId, answer: 'On trajectory.' } }, raised())];
const resolve = (note?: string): ChallengeCommand => ({ type: 'ResolveChallenge', data: { challengeId, note } });

describe('A challenge’s refusals', () => {
  it('name subject.kind and the kinds allowed, also when there is no subject at all', () => {
    for (const subject of [{ kind: 'MEETING', id: 'm-1' }, undefined]) {
      const error = refusal(() => decideChallenge(raise(subject), given([]), meta, { action }));
      expect([error.field, error.rule, error.message]).toEqual(['subject.kind', 'isIn:ACTION,RISK', 'subject.kind must be one of ACTION, RISK']);
    }
  });

  it('name the follow-up question when it is blank', () => {
    expect(refusal(() => when({ type: 'FollowUpChallenge', data: { challengeId, question: ' ' } }, answered())).field).toBe('question');
  });

  it('say what cannot be done now', () => {
    const resolved = [...raised(), ...when(resolve(), raised())];
    expect(refusal(() => when({ type: 'AnswerChallenge', data: { challengeId, answer: 'Again' } }, answered())).message).toBe('The challenge has been answered, so it cannot be answered now');
    expect(refusal(() => when(resolve(), resolved)).message).toBe('The challenge has been resolved, so it cannot be resolved again');
  });
});

describe('A challenge’s resolving note', () => {
  it('is none when blank, trimmed when given, and refused naming note when it is only invisible characters', () => {
    expect(when(resolve('   '), raised())[0].data).toEqual({ challengeId, note: null });
    expect(when(resolve(' Satisfied '), raised())[0].data).toEqual({ challengeId, note: 'Satisfied' });
    expect(refusal(() => when(resolve('\u200b'), raised())).field).toBe('note');
  });
});
