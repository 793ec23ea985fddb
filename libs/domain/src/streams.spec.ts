import {
  actionStream,
  challengeStream,
  dependencyNetworkStream,
  followUpStream,
  isStreamOf,
  meetingStream,
  metricStream,
  planStream,
  ownerStream,
  highNeedsStream,
  conditionStream,
  fundingStream,
  quarterlyReturnStream,
  reminderStream,
  riskStream,
  STREAM_NAME_PREFIXES,
  streamConcept,
  StreamConcept,
  userStream,
  historyBreakStream,
  historyRestoreStream,
  chainHeadMailStream,
} from './streams';

const NAMERS: Record<StreamConcept, (id: string) => string> = {
  plan: planStream,
  action: actionStream,
  user: userStream,
  meeting: meetingStream,
  metric: metricStream,
  risk: riskStream,
  challenge: challengeStream,
  dependencyNetwork: dependencyNetworkStream,
  followUp: followUpStream,
  reminder: reminderStream,
  owner: ownerStream,
  highNeeds: highNeedsStream,
  condition: conditionStream,
  funding: fundingStream,
  quarterlyReturn: (id) => quarterlyReturnStream(id, { startYear: 2025, quarter: 2 }),
  historyBreak: historyBreakStream,
  historyRestore: historyRestoreStream,
  chainHeadMail: chainHeadMailStream,
};

describe('stream names', () => {
  // Ids hold hyphens and may even start like another concept's stream: the concept is the name's start.
  const ids = ['3f1c2a9e-1b2c-4d5e-8f90-123456789abc', 'plan-8-2', 'action-1', 'follow-up'];

  it.each(Object.entries(NAMERS))('tells a %s stream by the name its helper gives it', (concept, name) => {
    for (const id of ids) {
      expect(streamConcept(name(id))).toBe(concept);
      expect(isStreamOf(concept as StreamConcept, name(id))).toBe(true);
    }
  });

  it('gives every concept a prefix no other begins with, so no name belongs to two', () => {
    const overlapping = STREAM_NAME_PREFIXES.flatMap((a) => STREAM_NAME_PREFIXES.filter((b) => a !== b && b.startsWith(a)).map((b) => `${a} begins ${b}`));
    expect(overlapping).toEqual([]);
    expect(new Set(STREAM_NAME_PREFIXES).size).toBe(Object.keys(NAMERS).length);
  });

  it('keeps the names streams already have in the store', () => {
    expect(Object.values(NAMERS).map((name) => name('1'))).toEqual([
      'plan-1',
      'action-1',
      'user-1',
      'meeting-1',
      'metric-1',
      'risk-1',
      'challenge-1',
      'dependencies-1',
      'follow-up-1',
      'reminder-1',
      'owner-1',
      'high-needs-1',
      'condition-1',
      'funding-1',
      'return-1-2025-26-q2',
      'history-break-1',
      'history-restore-1',
      'chain-head-1',
    ]);
  });

  it('knows no concept for a stream it does not name', () => {
    expect(streamConcept('$et-ActionAdded')).toBeUndefined();
    expect(streamConcept('actions-1')).toBeUndefined();
    expect(streamConcept('plan')).toBeUndefined();
    expect(isStreamOf('action', 'plan-action-1')).toBe(false);
    expect(isStreamOf('followUp', 'follow-1')).toBe(false);
  });
});
