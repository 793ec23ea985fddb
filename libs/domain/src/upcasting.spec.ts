import { currentVersionOf, EVENT_SCHEMA_VERSIONS, UnknownEventTypeError, upcast, UPCASTERS } from './upcasting';

// Captured before any test registers a step of its own.
const shippedUpcasters = Object.keys(UPCASTERS);

describe('upcast', () => {
  it.each(Object.entries(EVENT_SCHEMA_VERSIONS))('returns a current-version %s event unchanged', (type, version) => {
    const data = { actionId: 'action-8-2', anything: 'as stored' };
    const event = upcast(type, version, data);
    expect(event).toEqual({ type, data });
    expect(event.data).toBe(data);
  });

  it('refuses an event type this build does not know', () => {
    expect(() => upcast('ActionEscalated', 1, {})).toThrow(UnknownEventTypeError);
  });

  // Object.prototype keys would otherwise look like known types with a non-numeric version.
  it.each(['toString', 'constructor', '__proto__'])('refuses %s, which is only a key of every object', (type) => {
    expect(() => upcast(type, 1, {})).toThrow(UnknownEventTypeError);
  });

  it('refuses a version newer than this build knows', () => {
    expect(() => upcast('ProgressReported', EVENT_SCHEMA_VERSIONS.ProgressReported + 1, {})).toThrow(
      /ProgressReported v2: this build does not know/,
    );
  });

  describe('with a registered upcaster', () => {
    const current = EVENT_SCHEMA_VERSIONS.ProgressReported;

    // The registry is module state shared by every test in this worker, so each test puts it back.
    afterEach(() => {
      EVENT_SCHEMA_VERSIONS.ProgressReported = current;
      delete UPCASTERS['ProgressReported@1'];
      delete UPCASTERS['ProgressReported@2'];
    });

    const v1 = { actionId: 'action-8-2', rag: 'AMBER', commentary: 'Slipping', asAt: '2025-10-15' };

    it('lifts an older stored shape to the current one', () => {
      EVENT_SCHEMA_VERSIONS.ProgressReported = 2;
      UPCASTERS['ProgressReported@1'] = (data) => ({ ...data, previousRag: 'NOT_YET_RATED' });

      expect(upcast('ProgressReported', 1, v1)).toEqual({ type: 'ProgressReported', data: { ...v1, previousRag: 'NOT_YET_RATED' } });
      expect(v1).not.toHaveProperty('previousRag');
    });

    it('leaves an event already at the new version alone', () => {
      EVENT_SCHEMA_VERSIONS.ProgressReported = 2;
      UPCASTERS['ProgressReported@1'] = () => {
        throw new Error('must not run on a v2 event');
      };
      const v2 = { ...v1, previousRag: 'GREEN' };
      expect(upcast('ProgressReported', 2, v2).data).toBe(v2);
    });

    it('applies every step in order from the stored version', () => {
      EVENT_SCHEMA_VERSIONS.ProgressReported = 3;
      UPCASTERS['ProgressReported@1'] = (data) => ({ ...data, previousRag: 'NOT_YET_RATED' });
      UPCASTERS['ProgressReported@2'] = ({ commentary, ...rest }) => ({ ...rest, commentary: `${String(commentary)} (migrated)` });

      expect(upcast('ProgressReported', 1, v1).data).toEqual({ ...v1, previousRag: 'NOT_YET_RATED', commentary: 'Slipping (migrated)' });
      expect(upcast('ProgressReported', 2, { ...v1, previousRag: 'AMBER' }).data).toMatchObject({ previousRag: 'AMBER', commentary: 'Slipping (migrated)' });
    });

    it('refuses when a step in the chain is missing', () => {
      EVENT_SCHEMA_VERSIONS.ProgressReported = 3;
      UPCASTERS['ProgressReported@2'] = (data) => data;
      expect(() => upcast('ProgressReported', 1, v1)).toThrow(UnknownEventTypeError);
    });
  });

  it('leaves the registry as it found it', () => {
    expect(EVENT_SCHEMA_VERSIONS.ProgressReported).toBe(1);
    expect(Object.keys(UPCASTERS)).toEqual(shippedUpcasters);
  });

  describe('EvidenceAttached', () => {
    const v1 = {
      actionId: 'action-8-2',
      evidenceId: 'ev-draft',
      kind: 'ACTIVITY',
      title: 'Draft recovery plan',
      link: null,
      documentReference: 'SIB paper 3',
      submittedBy: 'Alex Morgan',
    };

    it('is at version 2, which added the uploaded file', () => {
      expect(EVENT_SCHEMA_VERSIONS.EvidenceAttached).toBe(2);
    });

    it('loads a v1 event (before files) as evidence without a file', () => {
      expect(upcast('EvidenceAttached', 1, v1)).toEqual({ type: 'EvidenceAttached', data: { ...v1, file: null } });
    });

    it('leaves a v2 file as stored', () => {
      const file = { sha256: 'f'.repeat(64), size: 12, contentType: 'image/png', originalName: 'chart.png' };
      expect(upcast('EvidenceAttached', 2, { ...v1, file }).data).toMatchObject({ file });
    });
  });

  describe('ComparatorRecorded', () => {
    const v1 = { metricId: 'm-ehcp-rate', period: '2025', comparator: 'STATISTICAL_NEIGHBOURS', value: 394.2, source: 'DfE' };

    it('is at version 2, which can name one statistical neighbour council', () => {
      expect(EVENT_SCHEMA_VERSIONS.ComparatorRecorded).toBe(2);
    });

    it('loads a v1 event (before named neighbours) as an aggregate that names no council', () => {
      expect(upcast('ComparatorRecorded', 1, v1)).toEqual({ type: 'ComparatorRecorded', data: { ...v1, neighbour: null } });
    });

    it('leaves a v2 neighbour as stored', () => {
      expect(upcast('ComparatorRecorded', 2, { ...v1, comparator: 'STATISTICAL_NEIGHBOUR', neighbour: 'Kent' }).data).toMatchObject({ neighbour: 'Kent' });
    });
  });

  describe('FollowUpRaised', () => {
    const v1 = { followUpId: 'f1', planId: 'p', meetingId: 'm', meetingDate: '2026-01-12', description: 'Bring the dashboard', owner: { name: 'Sam Patel', role: 'Head of SEND', userId: 'sam' }, dueDate: '2026-02-09' };

    it('is at version 2, which names the owner by id', () => {
      expect(EVENT_SCHEMA_VERSIONS.FollowUpRaised).toBe(2);
    });

    it('loads a v1 event (an owner as text) with no owner id, keeping the name, the role and the user it named', () => {
      expect(upcast('FollowUpRaised', 1, v1).data).toEqual({ ...v1, owner: { ownerId: null, name: 'Sam Patel', role: 'Head of SEND', organisation: null, userId: 'sam' } });
      const { userId: _none, ...withoutUser } = v1.owner;
      expect(upcast('FollowUpRaised', 1, { ...v1, owner: withoutUser }).data).toMatchObject({ owner: { ownerId: null, userId: null } });
    });
  });

  describe('currentVersionOf, which the event store applies as it reads', () => {
    const stored = (schemaVersion: number, data: Record<string, unknown>) => ({
      type: 'EvidenceAttached',
      data,
      metadata: { schemaVersion, actor: null },
      position: 7n,
      hash: 'a'.repeat(64),
    });

    it('gives back the very event when it is already current, so nearly every read costs one lookup', () => {
      const current = stored(2, { evidenceId: 'ev-1', file: null });
      expect(currentVersionOf(current)).toBe(current);
    });

    it('lifts an older event into a copy that says the version it now has, and leaves the stored one as it was', () => {
      const old = stored(1, { evidenceId: 'ev-1' });
      const lifted = currentVersionOf(old);
      expect(lifted).toEqual({ ...old, data: { evidenceId: 'ev-1', file: null }, metadata: { schemaVersion: 2, actor: null } });
      expect(old).toEqual(stored(1, { evidenceId: 'ev-1' }));
    });

    it('refuses a type or version this build does not know, as upcast does', () => {
      expect(() => currentVersionOf({ ...stored(1, {}), type: 'ActionEscalated' })).toThrow(UnknownEventTypeError);
      expect(() => currentVersionOf(stored(3, {}))).toThrow(UnknownEventTypeError);
    });
  });
});
