import { ActionState } from '../action/action.decider';
import { RiskState } from '../risk/risk.decider';
import { currentVersionOf } from '../upcasting';
import { CommandMetadata } from '../shared/command-metadata';
import { refusal } from '../shared/refusal.fixture';
import { Attendee, MeetingCommand } from './meeting.commands';
import { decideMeeting, evolveMeeting, initialMeetingState, MeetingDecisionContext, MeetingState } from './meeting.decider';
import { MeetingEvent } from './meeting.events';

const meta = (now = '2026-11-16T18:00:00.000Z'): CommandMetadata => ({ now, commandId: 'c1', correlationId: 'c1' });
const given = (events: MeetingEvent[]): MeetingState => events.reduce(evolveMeeting, initialMeetingState());
const when = (command: MeetingCommand, state: MeetingState, context?: MeetingDecisionContext, now?: string) =>
  decideMeeting(command, state, meta(now), context);

const meetingId = 'm-2026-11';
const scheduled: MeetingEvent = {
  type: 'MeetingScheduled',
  data: { meetingId, planId: 'plan-1', meetingType: 'BOARD', date: '2026-11-16', title: 'SEND Improvement Board, November 2026' },
};
const closed: MeetingEvent = { type: 'MeetingClosed', data: { meetingId, minutesReference: null } };
const action = (planId = 'plan-1'): ActionState =>
  ({ exists: true, actionId: 'a-8-2', planId, ref: '8.2' }) as ActionState;
const decide = (decisionId = 'd1'): MeetingCommand => ({
  type: 'RecordDecision',
  data: { meetingId, decisionId, actionId: 'a-8-2', kind: 'ESCALATED', summary: 'Escalated to the DfE adviser' },
});

describe('A board meeting', () => {
  it('is scheduled once', () => {
    const schedule: MeetingCommand = { type: 'ScheduleMeeting', data: { ...scheduled.data } };
    expect(when(schedule, given([]))).toEqual([scheduled]);
    expect(refusal(() => when(schedule, given([scheduled]))).rule).toBe('meetingIsNew');
  });

  it('records a decision with the meeting date and the action’s reference, taken from the action', () => {
    expect(when(decide(), given([scheduled]), { action: action() })).toEqual([
      {
        type: 'DecisionRecorded',
        data: { meetingId, meetingDate: '2026-11-16', decisionId: 'd1', actionId: 'a-8-2', actionRef: '8.2', kind: 'ESCALATED', summary: 'Escalated to the DfE adviser' },
      },
    ]);
  });

  it('refuses a decision about an action of another plan, or one that does not exist', () => {
    expect(refusal(() => when(decide(), given([scheduled]), { action: action('plan-2') })).rule).toBe('decisionOnActionInPlan');
    expect(refusal(() => when(decide(), given([scheduled]), { action: { exists: false } })).rule).toBe('decisionOnActionInPlan');
  });

  it('refuses the same decision twice', () => {
    const recorded = when(decide(), given([scheduled]), { action: action() });
    expect(refusal(() => when(decide(), given([scheduled, ...recorded]), { action: action() })).rule).toBe('decisionIdUnique');
  });

  it('cannot be minuted before its day, nor changed once closed', () => {
    expect(refusal(() => when(decide(), given([scheduled]), { action: action() }, '2026-11-15T12:00:00.000Z')).rule).toBe('meetingHeld');
    expect(refusal(() => when(decide(), given([scheduled, closed]), { action: action() })).rule).toBe('meetingOpen');
    expect(refusal(() => when({ type: 'CloseMeeting', data: { meetingId } }, given([scheduled, closed]))).rule).toBe('meetingOpen');
  });

  it('counts its day as a UK day: from 00:30 BST (23:30Z the day before) it may be minuted', () => {
    const summer: MeetingEvent = { type: 'MeetingScheduled', data: { ...scheduled.data, date: '2026-07-01' } };
    expect(refusal(() => when(decide(), given([summer]), { action: action() }, '2026-06-30T22:30:00.000Z')).rule).toBe('meetingHeld');
    expect(when(decide(), given([summer]), { action: action() }, '2026-06-30T23:30:00.000Z')).toHaveLength(1);
  });

  it('needs at least one attendee, each with a name and a capacity', () => {
    expect(refusal(() => when({ type: 'RecordAttendance', data: { meetingId, attendees: [], apologies: [] } }, given([scheduled]))).rule).toBe('attendeesRequired');
    const blank = refusal(() =>
      when({ type: 'RecordAttendance', data: { meetingId, attendees: [{ name: ' ', capacity: 'Chair' }], apologies: [] } }, given([scheduled])),
    );
    expect(blank.field).toBe('attendees[0].name');
  });

  it('starts open with no decisions recorded', () => {
    expect(given([scheduled])).toEqual({ exists: true, meetingId, planId: 'plan-1', date: '2026-11-16', title: 'SEND Improvement Board, November 2026', closed: false, decisionIds: [] });
  });

  it('refuses a meeting type the board does not hold, and a bad date or blank title, naming the field', () => {
    const schedule = (data: Partial<Extract<MeetingCommand, { type: 'ScheduleMeeting' }>['data']>): MeetingCommand => ({
      type: 'ScheduleMeeting',
      data: { ...(scheduled.data as Extract<MeetingCommand, { type: 'ScheduleMeeting' }>['data']), ...data },
    });
    const type = refusal(() => when(schedule({ meetingType: 'WORKSHOP' as 'BOARD' }), given([])));
    expect(type).toMatchObject({ kind: 'invalid', field: 'meetingType', rule: 'isIn:BOARD,DFE_QUARTERLY_REVIEW' });
    expect(type.message).toBe('meetingType must be BOARD or DFE_QUARTERLY_REVIEW');
    expect(refusal(() => when(schedule({ date: '2026-11-31' }), given([])))).toMatchObject({ field: 'date', rule: 'isCalendarDate' });
    expect(refusal(() => when(schedule({ title: ' ' }), given([])))).toMatchObject({ field: 'title', rule: 'required' });
  });

  it('records who attended and who sent apologies, trimmed, naming the blank field of either list', () => {
    const attendance = (attendees: Attendee[], apologies: Attendee[]): MeetingCommand => ({ type: 'RecordAttendance', data: { meetingId, attendees, apologies } });
    const chair = { name: ' Dr Jane Hart ', capacity: ' Independent chair ' };
    const adviser = { name: 'Priya Shah', capacity: 'DfE SEND adviser' };
    expect(when(attendance([chair], [adviser]), given([scheduled]))).toEqual([
      { type: 'AttendanceRecorded', data: { meetingId, attendees: [{ name: 'Dr Jane Hart', capacity: 'Independent chair' }], apologies: [adviser] } },
    ]);
    expect(refusal(() => when(attendance([{ ...chair, capacity: '' }], []), given([scheduled]))).field).toBe('attendees[0].capacity');
    expect(refusal(() => when(attendance([chair], [adviser, { ...adviser, name: ' ' }]), given([scheduled]))).field).toBe('apologies[1].name');
  });

  it('refuses a decision of a kind it does not know, or with a blank summary, naming the field', () => {
    const kind = refusal(() => when({ ...decide(), data: { ...decide().data, kind: 'DEFERRED' as 'NOTED' } } as MeetingCommand, given([scheduled]), { action: action() }));
    expect(kind).toMatchObject({ kind: 'invalid', field: 'kind', rule: 'isIn:EVIDENCE_ACCEPTED,ACTION_CLOSED,ESCALATED,DUE_DATE_AGREED,NOTED' });
    expect(kind.message).toBe('kind must be one of EVIDENCE_ACCEPTED, ACTION_CLOSED, ESCALATED, DUE_DATE_AGREED, NOTED');
    const summary = refusal(() => when({ ...decide(), data: { ...decide().data, summary: '  ' } } as MeetingCommand, given([scheduled]), { action: action() }));
    expect(summary).toMatchObject({ field: 'summary', rule: 'required' });
  });

  it('closes with the minutes reference trimmed, or none when it is blank, and stays closed', () => {
    const close = (minutesReference?: string): MeetingCommand => ({ type: 'CloseMeeting', data: { meetingId, minutesReference } });
    expect(when(close('  SIB minutes 2026-11  '), given([scheduled]))).toEqual([{ type: 'MeetingClosed', data: { meetingId, minutesReference: 'SIB minutes 2026-11' } }]);
    expect(when(close('   '), given([scheduled]))).toEqual([closed]);
    expect(given([scheduled, ...when(close(), given([scheduled]))])).toMatchObject({ closed: true });
  });

  it('answers "not found" for anything but scheduling a meeting that does not exist', () => {
    expect(refusal(() => when({ type: 'CloseMeeting', data: { meetingId } }, given([]))).kind).toBe('not_found');
  });

  describe('a decision about the plan or a risk', () => {
    const risk = (planId = 'plan-1', riskId = 'r-1'): RiskState => ({ exists: true, riskId, planId, ref: 'R3' }) as RiskState;
    const planDecision = (data: Partial<Extract<MeetingCommand, { type: 'RecordPlanDecision' }>['data']> = {}): MeetingCommand => ({
      type: 'RecordPlanDecision',
      data: { meetingId, decisionId: 'd2', subject: { kind: 'PLAN' }, kind: 'AGREED', summary: ' Quarterly deep dive on sufficiency ', ...data },
    });
    const onRisk = (kind: 'RISK_TOLERATED' | 'NOTED' = 'RISK_TOLERATED') => planDecision({ subject: { kind: 'RISK', riskId: 'r-1' }, kind, summary: 'Tolerated until the capital bid is decided' });

    it('records one about the plan as a whole, with no action and no risk', () => {
      expect(when(planDecision(), given([scheduled]))).toEqual([
        {
          type: 'PlanDecisionRecorded',
          data: { meetingId, meetingDate: '2026-11-16', decisionId: 'd2', subjectKind: 'PLAN', riskId: null, riskRef: null, kind: 'AGREED', summary: 'Quarterly deep dive on sufficiency' },
        },
      ]);
    });

    it('records one about a risk of the plan, with the risk’s reference taken from the risk', () => {
      expect(when(onRisk(), given([scheduled]), { risk: risk() })[0]).toMatchObject({ data: { subjectKind: 'RISK', riskId: 'r-1', riskRef: 'R3', kind: 'RISK_TOLERATED' } });
    });

    it('refuses a risk of another plan, a risk that does not exist, or a different risk than the one named', () => {
      expect(refusal(() => when(onRisk(), given([scheduled]), { risk: risk('plan-2') })).rule).toBe('decisionOnRiskInPlan');
      expect(refusal(() => when(onRisk(), given([scheduled]), { risk: { exists: false } })).rule).toBe('decisionOnRiskInPlan');
      expect(refusal(() => when(onRisk(), given([scheduled]), { risk: risk('plan-1', 'r-2') })).rule).toBe('decisionOnRiskInPlan');
      expect(refusal(() => when(onRisk(), given([scheduled]), {})).rule).toBe('decisionOnRiskInPlan');
    });

    it('refuses the risk-only kinds for the plan as a whole', () => {
      for (const kind of ['RISK_TOLERATED', 'FURTHER_MITIGATION'] as const) {
        const refused = refusal(() => when(planDecision({ kind }), given([scheduled])));
        expect(refused).toMatchObject({ kind: 'rule_violation', rule: 'riskDecisionKind' });
      }
      expect(when(onRisk('NOTED'), given([scheduled]), { risk: risk() })).toHaveLength(1);
    });

    it('refuses an unknown subject or kind, or a blank summary, naming the field', () => {
      expect(refusal(() => when(planDecision({ subject: { kind: 'ACTION' } as never }), given([scheduled])))).toMatchObject({ field: 'subject.kind', rule: 'isIn:PLAN,RISK' });
      const kind = refusal(() => when(planDecision({ kind: 'EVIDENCE_ACCEPTED' as never }), given([scheduled])));
      expect(kind).toMatchObject({ field: 'kind', rule: 'isIn:AGREED,NOTED,ESCALATED,RISK_TOLERATED,FURTHER_MITIGATION' });
      expect(refusal(() => when(planDecision({ summary: ' ' }), given([scheduled])))).toMatchObject({ field: 'summary', rule: 'required' });
    });

    it('loads beside the decisions stored before it: DecisionRecorded stays version 1, unchanged', () => {
      // As the store holds them: the old event type at version 1, the new type at its own version 1.
      const stored = [
        { type: 'MeetingScheduled', data: { ...scheduled.data }, metadata: { schemaVersion: 1 } },
        { type: 'DecisionRecorded', data: { meetingId, meetingDate: '2026-11-16', decisionId: 'd1', actionId: 'a-8-2', actionRef: '8.2', kind: 'NOTED', summary: 'Noted' }, metadata: { schemaVersion: 1 } },
        { type: 'PlanDecisionRecorded', data: { meetingId, meetingDate: '2026-11-16', decisionId: 'd2', subjectKind: 'PLAN', riskId: null, riskRef: null, kind: 'AGREED', summary: 'Agreed' }, metadata: { schemaVersion: 1 } },
      ];
      const events = stored.map((e) => currentVersionOf(e) as unknown as MeetingEvent);
      expect(events[1].data).toEqual(stored[1].data);
      expect(events.reduce(evolveMeeting, initialMeetingState())).toMatchObject({ decisionIds: ['d1', 'd2'] });
    });

    it('shares decision ids with decisions about actions, and follows the meeting’s rules', () => {
      const aboutAction = when(decide('d2'), given([scheduled]), { action: action() });
      expect(refusal(() => when(planDecision(), given([scheduled, ...aboutAction]))).rule).toBe('decisionIdUnique');
      const aboutPlan = when(planDecision({ decisionId: 'd3' }), given([scheduled]));
      expect(given([scheduled, ...aboutAction, ...aboutPlan])).toMatchObject({ decisionIds: ['d2', 'd3'] });
      expect(refusal(() => when(planDecision(), given([scheduled, closed]))).rule).toBe('meetingOpen');
      expect(refusal(() => when(planDecision(), given([scheduled]), {}, '2026-11-15T12:00:00.000Z')).rule).toBe('meetingHeld');
    });
  });
});
