import { ChainBreak } from './chain-verifier';
import { ChainIntegrity, HistoryWritesRefusedError } from './chain-integrity';

const T0 = '2026-06-15T09:00:00.000Z';
const edited: ChainBreak = { kind: 'EDITED', position: 42n, streamId: 'action-a1', revision: 2n, eventId: 'e-42', message: 'edited' };
const missing: ChainBreak = { kind: 'MISSING', position: 40n, streamId: 'action-a1', revision: 1n, message: 'deleted' };
const head = { position: 50n, hash: 'f'.repeat(64) };
const ack = { reason: 'Restoring tonight.', acknowledgedBy: 'office', acknowledgedAt: T0 };
/** The break's own record: the one stream written while it stands. */
const breakStreams = (streamId: string) => streamId === 'history-break-42-edited';

describe('ChainIntegrity', () => {
  it('starts unchecked, vouching for no head and refusing nothing', () => {
    const integrity = new ChainIntegrity();
    expect(integrity.snapshot()).toEqual({ status: 'UNCHECKED' });
    expect(integrity.verifiedHead()).toBeUndefined();
    expect(integrity.refusalFor('action-a1', breakStreams)).toBeUndefined();
  });

  it('vouches for the head of a check that held, and only while it holds', () => {
    const integrity = new ChainIntegrity();
    expect(integrity.verified(head, T0)).toBe(false);
    expect(integrity.verifiedHead()).toEqual(head);
    integrity.broken(edited, T0);
    expect(integrity.verifiedHead()).toBeUndefined();
    expect(integrity.snapshot()).toEqual({ status: 'BROKEN', firstBreak: edited, lastCheckedAt: T0 });
  });

  it('refuses writes over an unacknowledged break, except to the break records, and lets them go on once acknowledged', () => {
    const integrity = new ChainIntegrity();
    integrity.broken(edited, T0);
    const refusal = integrity.refusalFor('action-a1', breakStreams);
    expect(refusal).toBeInstanceOf(HistoryWritesRefusedError);
    expect(refusal!.found).toBe(edited);
    expect(refusal!.message).toContain('EDITED at position 42');
    expect(integrity.refusalFor('history-break-42-edited', breakStreams)).toBeUndefined();
    integrity.acknowledged(ack);
    expect(integrity.refusalFor('action-a1', breakStreams)).toBeUndefined();
    expect(integrity.isBroken()).toBe(true);
  });

  it('keeps the first break a read found and tells listeners once per break', () => {
    const integrity = new ChainIntegrity();
    const told: ChainBreak[] = [];
    integrity.onBreak((found) => told.push(found));
    expect(integrity.broken(edited, T0)).toBe(true);
    expect(integrity.broken(missing, '2026-06-15T09:01:00.000Z')).toBe(false);
    expect(told).toEqual([edited]);
    expect(integrity.snapshot()).toMatchObject({ firstBreak: edited, lastCheckedAt: '2026-06-15T09:01:00.000Z' });
  });

  it('lets a full check replace a read’s break by the first one, dropping an acknowledgement of another break but keeping one of the same', () => {
    const integrity = new ChainIntegrity();
    integrity.broken(edited, T0);
    integrity.acknowledged(ack);
    integrity.confirmed({ ...edited }, T0);
    expect(integrity.snapshot().acknowledgement).toEqual(ack);
    integrity.confirmed(missing, T0);
    expect(integrity.snapshot()).toEqual({ status: 'BROKEN', firstBreak: missing, lastCheckedAt: T0, acknowledgement: undefined });
    expect(integrity.refusalFor('action-a1', breakStreams)).toBeInstanceOf(HistoryWritesRefusedError);
  });

  it('a confirmed break on a verified history is a new break: listeners are told', () => {
    const integrity = new ChainIntegrity();
    const told: ChainBreak[] = [];
    integrity.onBreak((found) => told.push(found));
    integrity.verified(head, T0);
    integrity.confirmed(missing, T0);
    expect(told).toEqual([missing]);
  });

  it('ignores an acknowledgement while nothing is broken', () => {
    const integrity = new ChainIntegrity();
    integrity.acknowledged(ack);
    expect(integrity.snapshot()).toEqual({ status: 'UNCHECKED' });
  });

  it('verifies again once the altered rows are put back: the break, its acknowledgement and the refusal go, and restore listeners are told', () => {
    const integrity = new ChainIntegrity();
    let restored = 0;
    integrity.onRestored(() => (restored += 1));
    integrity.verified(head, T0);
    expect(restored).toBe(0);
    integrity.broken(edited, T0);
    integrity.acknowledged(ack);
    expect(integrity.verified(head, T0)).toBe(true);
    expect(restored).toBe(1);
    expect(integrity.snapshot()).toEqual({ status: 'VERIFIED', verifiedThrough: head, lastCheckedAt: T0 });
    expect(integrity.refusalFor('action-a1', breakStreams)).toBeUndefined();
    // A listener that stopped listening is not told again.
    const stop = integrity.onBreak(() => (restored += 100));
    stop();
    integrity.broken(missing, T0);
    expect(restored).toBe(1);
  });
});
