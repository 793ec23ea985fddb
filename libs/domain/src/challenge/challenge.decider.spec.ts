import { ActionState } from '../action/action.decider';
import { RiskState } from '../risk/risk.decider';
import { CommandMetadata } from '../shared/command-metadata';
import { refusal } from '../shared/refusal.fixture';
import { ChallengeCommand } from './challenge.commands';
import { ChallengeDecisionContext, ChallengeState, decideChallenge, evolveChallenge, initialChallengeState } from './challenge.decider';
import { ChallengeEvent } from './challenge.events';

const meta: CommandMetadata = { now: '2026-12-07T10:00:00.000Z', commandId: 'c1', correlationId: 'c1' };
const given = (events: ChallengeEvent[]): ChallengeState => events.reduce(evolveChallenge, initialChallengeState());
const when = (command: ChallengeCommand, events: ChallengeEvent[], context: ChallengeDecisionContext = {}) => decideChallenge(command, given(events), meta, context);

const challengeId = 'ch-1';
const action = (planId = 'plan-1', actionId = 'a-8-2'): ActionState => ({ exists: true, actionId, planId, ref: '8.2' }) as ActionState;
const risk = (planId = 'plan-1'): RiskState => ({ exists: true, riskId: 'r-3', planId, ref: 'R3' }) as RiskState;
const ask = (subject: { kind: 'ACTION' | 'RISK'; id: string } = { kind: 'ACTION', id: 'a-8-2' }, question = 'Why is 8.2 Green when the deficit grew £14m?'): ChallengeCommand => ({
  type: 'RaiseChallenge',
  data: { challengeId, planId: 'plan-1', subject, question },
});
const raised = (): ChallengeEvent[] => when(ask(), [], { action: action() });
const answer = (text = 'The £14m is last year; this year is on trajectory.'): ChallengeCommand => ({ type: 'AnswerChallenge', data: { challengeId, answer: text } });
const followUp: ChallengeCommand = { type: 'FollowUpChallenge', data: { challengeId, question: 'Show us the Q2 forecast.' } };
const resolve = (note?: string): ChallengeCommand => ({ type: 'ResolveChallenge', data: { challengeId, note } });

describe('A challenge thread', () => {
  it('is raised about an action or a risk of the plan, recording its reference', () => {
    expect(raised()).toEqual([
      { type: 'ChallengeRaised', data: { challengeId, planId: 'plan-1', subjectKind: 'ACTION', subjectId: 'a-8-2', subjectRef: '8.2', question: 'Why is 8.2 Green when the deficit grew £14m?' } },
    ]);
    expect(when(ask({ kind: 'RISK', id: 'r-3' }), [], { risk: risk() })[0]).toMatchObject({ data: { subjectKind: 'RISK', subjectRef: 'R3' } });
  });

  it('is refused about something outside the plan, or that does not exist, or is not what it says', () => {
    expect(refusal(() => when(ask(), [], { action: action('plan-2') })).rule).toBe('subjectInPlan');
    expect(refusal(() => when(ask(), [], { action: { exists: false } })).rule).toBe('subjectInPlan');
    expect(refusal(() => when(ask({ kind: 'ACTION', id: 'a-other' }), [], { action: action() })).rule).toBe('subjectInPlan');
    expect(refusal(() => when(ask({ kind: 'RISK', id: 'r-3' }), [], { action: action() })).rule).toBe('subjectInPlan');
    expect(refusal(() => when(ask({ kind: 'MEETING' as 'RISK', id: 'm' }), [])).field).toBe('subject.kind');
    expect(refusal(() => when(ask(undefined, '  '), [], { action: action() })).field).toBe('question');
  });

  it('is raised once', () => {
    expect(refusal(() => when(ask(), raised(), { action: action() })).rule).toBe('challengeIsNew');
  });

  it('takes turns: answer, follow-up, answer, and refuses a turn out of order', () => {
    const answered = [...raised(), ...when(answer(), raised())];
    expect(refusal(() => when(answer('again'), answered)).rule).toBe('challengeTurn');
    expect(refusal(() => when(followUp, raised())).message).toBe('The challenge is waiting for an answer, so it cannot be followed up now');
    const followed = [...answered, ...when(followUp, answered)];
    expect(followed.at(-1)).toEqual({ type: 'ChallengeFollowedUp', data: { challengeId, question: 'Show us the Q2 forecast.' } });
    expect(when(answer('Attached to the December paper.'), followed)).toEqual([{ type: 'ChallengeAnswered', data: { challengeId, answer: 'Attached to the December paper.' } }]);
    expect(refusal(() => when(answer(' '), followed)).field).toBe('answer');
  });

  it('is resolved by the board once, answered or not, and then takes nothing more', () => {
    expect(when(resolve(), raised())).toEqual([{ type: 'ChallengeResolved', data: { challengeId, note: null } }]);
    const resolved = [...raised(), ...when(resolve('Satisfied with the forecast'), raised())];
    expect(resolved.at(-1)).toMatchObject({ data: { note: 'Satisfied with the forecast' } });
    for (const command of [answer(), followUp, resolve()]) expect(refusal(() => when(command, resolved)).rule).toBe('challengeTurn');
  });

  it('must exist to be answered', () => {
    expect(refusal(() => when(answer(), [])).rule).toBe('challengeExists');
  });
});
