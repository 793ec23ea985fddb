import { createHash } from 'node:crypto';
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ProjectionService } from '../apps/api/src/infrastructure/projection.service';
import {
  samplePdf,
  samplePng,
  sampleDocx,
  windowsProgram,
  compoundFileOf,
} from '../apps/api/src/evidence-files/sample-files.fixture';
import { ADD_ACTION, actionInput, CREATE_PLAN, planInput } from './support/plan-operations';
import { readDatabaseKinds, startTestApp, TestApp } from './support/test-app';

const MAX_BYTES = 64 * 1024;
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

const EVIDENCE = `
  query ($id: ID!) { action(id: $id) { revision evidence { id title link documentReference file { sha256 size contentType originalName downloadUrl } } } }
`;

/** "Evidence may be an uploaded file … type check by content, not by name … downloading re-checks the hash." */
describe.each(readDatabaseKinds())('Evidence files over HTTP (read models on %s)', (readDatabase) => {
  let app: TestApp & { dataDir: string };
  let origin: string;
  let actionId: string;
  let revision: number;

  beforeAll(async () => {
    app = await startTestApp({ readDatabase, now: '2026-03-02T09:00:00.000Z', evidenceFileMaxBytes: MAX_BYTES });
    origin = new URL(app.url).origin;
    await app.gql(CREATE_PLAN, { input: planInput('files') });
    const added = (await app.gql(ADD_ACTION, { input: actionInput('files', '4.3') })).data.addAction;
    actionId = added.id;
    revision = added.revision;
    await app.addUser({ userId: 'adviser', roles: ['DFE_ADVISER'], areas: ['test-area'] });
    await app.addUser({ userId: 'member', roles: ['BOARD_MEMBER'], areas: ['test-area'] });
    await app.addUser({ userId: 'outsider', roles: ['PLAN_ADMINISTRATOR', 'ACTION_OWNER'], areas: ['other-area'] });
  });

  afterAll(() => app?.close());

  const storedFiles = () =>
    readdirSync(join(app.dataDir, 'evidence-files'), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => relative(join(app.dataDir, 'evidence-files'), join(entry.parentPath, entry.name)))
      .sort();

  async function upload(
    bytes: Buffer,
    name: string,
    options: { as?: string; clientType?: string; fields?: Record<string, string>; omit?: string[] } = {},
  ) {
    const form = new FormData();
    const fields: Record<string, string> = {
      kind: 'ACTIVITY',
      title: `Evidence: ${name}`,
      submittedBy: 'Alex Morgan',
      expectedRevision: String(revision),
      ...options.fields,
    };
    for (const [key, value] of Object.entries(fields)) if (!options.omit?.includes(key)) form.append(key, value);
    form.append('file', new Blob([Uint8Array.from(bytes)], { type: options.clientType ?? 'application/octet-stream' }), name);
    const response = await fetch(`${origin}/actions/${actionId}/evidence`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await app.token(options.as ?? 'tester')}` },
      body: form,
    });
    const body = (await response.json()) as any;
    if (response.status === 201) revision += 1;
    return { status: response.status, body };
  }

  async function download(url: string, as = 'tester') {
    const response = await fetch(`${origin}${url}`, { headers: { authorization: `Bearer ${await app.token(as)}` } });
    return { response, bytes: Buffer.from(await response.arrayBuffer()) };
  }

  /** Runs a refused upload and checks it changed nothing: no event, no file, nothing left in the incoming folder. */
  async function refusedWithoutTrace(attempt: () => Promise<{ status: number; body: any }>) {
    const events = (await app.allEvents()).length;
    const files = storedFiles();
    const result = await attempt();
    expect(await app.allEvents()).toHaveLength(events);
    expect(storedFiles()).toEqual(files);
    return { status: result.status, error: result.body.errors?.[0] };
  }

  describe('accepted files', () => {
    it.each([
      ['a PDF', () => samplePdf(), 'Recovery plan.pdf', 'application/pdf'],
      ['a PNG', () => samplePng(), 'place-sufficiency-chart.png', 'image/png'],
      ['a Word document', () => sampleDocx(), 'Inclusion adviser pilot.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      ['a Word 97-2003 document', () => compoundFileOf(['WordDocument']), 'EBSNA guidance.doc', 'application/msword'],
    ])('%s is stored by its hash, recorded on the event and downloads byte for byte', async (_what, build, name, contentType) => {
      const bytes = build();
      const { status, body } = await upload(bytes, name, { clientType: 'text/plain' });

      expect(status).toBe(201);
      expect(body.file).toEqual({
        sha256: sha256(bytes),
        size: bytes.length,
        contentType,
        originalName: name,
        downloadUrl: `/actions/${actionId}/evidence/${body.id}/file`,
      });
      const hash = sha256(bytes);
      expect(storedFiles()).toContain(join(hash.slice(0, 2), hash.slice(2, 4), hash));

      const event = (await app.allEvents()).at(-1)!;
      expect(event).toMatchObject({
        type: 'EvidenceAttached',
        data: { evidenceId: body.id, file: { sha256: hash, size: bytes.length, contentType, originalName: name } },
        metadata: { schemaVersion: 2, actor: { userId: 'tester', role: 'ACTION_OWNER' } },
      });

      const { response, bytes: downloaded } = await download(body.file.downloadUrl);
      expect(response.status).toBe(200);
      expect(sha256(downloaded)).toBe(hash);
      expect(response.headers.get('content-type')).toContain(contentType);
      expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename=/);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    });

    it('shows the file on the evidence in GraphQL, and the timeline names its hash', async () => {
      const pdf = samplePdf('Minutes of SIB 2026-02');
      const { body } = await upload(pdf, 'SIB minutes.pdf', { fields: { kind: 'IMPACT', documentReference: 'SIB 2026-02 item 4', link: 'https://example.org/sib/2026-02' } });
      const { data } = await app.gql(`query ($id: ID!) { action(id: $id) { evidence { id file { sha256 downloadUrl } documentReference link } timeline { summary } } }`, { id: actionId });
      expect(data.action.evidence.find((e: any) => e.id === body.id)).toEqual({
        id: body.id,
        file: { sha256: sha256(pdf), downloadUrl: body.file.downloadUrl },
        documentReference: 'SIB 2026-02 item 4',
        link: 'https://example.org/sib/2026-02',
      });
      expect(data.action.timeline.at(-1).summary).toContain(`file SIB minutes.pdf, SHA-256 ${sha256(pdf)}`);
    });

    it('keeps the same content once however often it is submitted', async () => {
      const pdf = samplePdf('Fair Access Protocol, live November 2025');
      await upload(pdf, 'fap.pdf');
      const files = storedFiles();
      const again = await upload(pdf, 'fap copy.pdf');
      expect(again.status).toBe(201);
      expect(storedFiles()).toEqual(files);
    });

    it('attaches a retried upload (same commandId) once', async () => {
      const commandId = '3f0e6a52-7c1b-4d8e-9a4f-2b6c8d0e1f23';
      const pdf = samplePdf('Way Forward meetings');
      const first = await upload(pdf, 'way-forward.pdf', { fields: { commandId } });
      const events = (await app.allEvents()).length;
      const retry = await upload(pdf, 'way-forward.pdf', { fields: { commandId, expectedRevision: String(revision - 1) } });
      revision -= 1;
      expect(retry.status).toBe(201);
      expect(retry.body.id).toBe(first.body.id);
      expect(await app.allEvents()).toHaveLength(events);
    });

    it('lets a board member and the DfE adviser download, as they may read the plan', async () => {
      const { body } = await upload(samplePng([200, 0, 0]), 'red.png');
      for (const reader of ['member', 'adviser']) {
        const { response, bytes } = await download(body.file.downloadUrl, reader);
        expect(response.status).toBe(200);
        expect(sha256(bytes)).toBe(body.file.sha256);
      }
    });

    it('takes a file of exactly the size limit', async () => {
      const base = samplePdf();
      const padded = Buffer.concat([base, Buffer.from('%'.padEnd(MAX_BYTES - base.length - 1, 'x') + '\n')]);
      expect(padded.length).toBe(MAX_BYTES);
      expect((await upload(padded, 'exactly-the-limit.pdf')).status).toBe(201);
    });
  });

  describe('refused uploads change nothing', () => {
    it('refuses a disguised program: an MZ header named report.pdf sent as application/pdf', async () => {
      const { status, error } = await refusedWithoutTrace(() => upload(windowsProgram(), 'report.pdf', { clientType: 'application/pdf' }));
      expect(status).toBe(415);
      expect(error.extensions).toEqual({ code: 'UNSUPPORTED_MEDIA_TYPE', field: 'file', rule: 'fileType' });
      expect(error.message).toMatch(/"report.pdf" was refused: the content is a Windows program \(MZ\/PE\)/);
    });

    it.each([
      ['a shell script named minutes.docx', Buffer.from('#!/bin/sh\nrm -rf /\n'), 'minutes.docx', /script/],
      ['a PNG named chart.pdf', samplePng(), 'chart.pdf', /name says one type but the content is a PNG image/],
      ['text that is not a document', Buffer.from('just some words'), 'notes.pdf', /not a PDF, an Office document/],
    ])('refuses %s', async (_what, bytes, name, reason) => {
      const { status, error } = await refusedWithoutTrace(() => upload(bytes, name));
      expect(status).toBe(415);
      expect(error.message).toMatch(reason);
    });

    it('refuses a file one byte over the limit with 413 and a stable code', async () => {
      const base = samplePdf();
      const oversized = Buffer.concat([base, Buffer.alloc(MAX_BYTES + 1 - base.length, 0x20)]);
      const { status, error } = await refusedWithoutTrace(() => upload(oversized, 'too-big.pdf'));
      expect(status).toBe(413);
      expect(error.extensions).toEqual({ code: 'PAYLOAD_TOO_LARGE', field: 'file', rule: 'maxBytes' });
      expect(error.message).toContain('64 kB limit');
    });

    it('refuses a declared size far over the limit before reading the body', async () => {
      const huge = Buffer.concat([samplePdf(), Buffer.alloc(MAX_BYTES * 4, 0x20)]);
      const { status, error } = await refusedWithoutTrace(() => upload(huge, 'huge.pdf'));
      expect(status).toBe(413);
      expect(error.extensions.code).toBe('PAYLOAD_TOO_LARGE');
    });

    it('refuses the DfE adviser with FORBIDDEN, before reading the file', async () => {
      const { status, error } = await refusedWithoutTrace(() => upload(samplePdf(), 'adviser.pdf', { as: 'adviser' }));
      expect(status).toBe(403);
      expect(error.extensions.code).toBe('FORBIDDEN');
    });

    it('refuses a board member, as attaching evidence is for the action owner', async () => {
      const { status } = await refusedWithoutTrace(() => upload(samplePdf(), 'member.pdf', { as: 'member' }));
      expect(status).toBe(403);
    });

    it('answers NOT_FOUND to someone from another area, as if the action did not exist', async () => {
      const { status, error } = await refusedWithoutTrace(() => upload(samplePdf(), 'outsider.pdf', { as: 'outsider' }));
      expect(status).toBe(404);
      expect(error.extensions.code).toBe('NOT_FOUND');
    });

    it('refuses an upload without a bearer token', async () => {
      const form = new FormData();
      form.append('file', new Blob([Uint8Array.from(samplePdf())]), 'anonymous.pdf');
      const response = await fetch(`${origin}/actions/${actionId}/evidence`, { method: 'POST', body: form });
      expect(response.status).toBe(401);
    });

    it('names a missing form field and the rule', async () => {
      const { status, error } = await refusedWithoutTrace(() => upload(samplePdf(), 'untitled.pdf', { omit: ['title'] }));
      expect(status).toBe(400);
      expect(error.extensions.code).toBe('BAD_USER_INPUT');
      expect(error.extensions.validationErrors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'title', rule: 'isNotEmpty' })]));
    });

    it('refuses a request with no file', async () => {
      const form = new FormData();
      form.append('title', 'No file');
      const response = await fetch(`${origin}/actions/${actionId}/evidence`, {
        method: 'POST',
        headers: { authorization: `Bearer ${await app.token('tester')}` },
        body: form,
      });
      expect(response.status).toBe(400);
      expect(((await response.json()) as any).errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'file' });
    });

    it('answers CONFLICT for a stale revision', async () => {
      const { status, body } = await upload(samplePdf('stale'), 'stale.pdf', { fields: { expectedRevision: '0' } });
      expect(status).toBe(409);
      expect(body.errors[0].extensions.code).toBe('CONFLICT');
    });
  });

  describe('downloads', () => {
    it('refuses a file altered on disk after it was submitted, and one that has gone', async () => {
      const pdf = samplePdf('Cumulative deficit £113.257m at March 2025');
      const { body } = await upload(pdf, 'deficit.pdf');
      const hash = body.file.sha256;
      const path = join(app.dataDir, 'evidence-files', hash.slice(0, 2), hash.slice(2, 4), hash);
      writeFileSync(path, samplePdf('Cumulative deficit £13.257m at March 2025'));

      const tampered = await download(body.file.downloadUrl);
      expect(tampered.response.status).toBe(500);
      const error = JSON.parse(tampered.bytes.toString()).errors[0];
      expect(error.extensions.code).toBe('INTEGRITY_CHECK_FAILED');
      expect(error.message).toContain(`no longer matches what was submitted`);
      expect(error.message).toContain(`recorded ${hash}`);

      rmSync(path);
      const gone = await download(body.file.downloadUrl);
      expect(gone.response.status).toBe(500);
      expect(JSON.parse(gone.bytes.toString()).errors[0].message).toContain('is missing from the evidence file store');
    });

    // The name's ending decides nothing: a name without one (or ending in a bare dot) is served
    // as the type its content was checked to be, never as application/octet-stream.
    it.each([
      ['a PDF named without an ending', () => samplePdf('Recovery plan, no ending'), 'Recovery plan', 'application/pdf'],
      ['a Word document named without an ending', () => sampleDocx('Pilot, no ending'), 'Inclusion adviser pilot', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      ['a PNG whose name ends in a bare dot', () => samplePng([1, 2, 3]), 'chart.', 'image/png'],
    ])('serves %s as the type checked at upload', async (_what, build, name, contentType) => {
      const { status, body } = await upload(build(), name);
      expect(status).toBe(201);
      expect(body.file.contentType).toBe(contentType);
      const { response } = await download(body.file.downloadUrl);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe(contentType);
      expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename=/);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    });

    it('answers NOT_FOUND to someone from another area', async () => {
      const { body } = await upload(samplePdf('private'), 'private.pdf');
      const { response } = await download(body.file.downloadUrl, 'outsider');
      expect(response.status).toBe(404);
    });

    it('answers NOT_FOUND for evidence that is a link, not a file', async () => {
      const attached = await app.gql(
        `mutation ($input: AttachEvidenceInput!) { attachEvidence(input: $input) { revision evidence { id link } } }`,
        { input: { actionId, expectedRevision: revision, kind: 'ACTIVITY', title: 'Toolkit page', link: 'https://example.org/oap', submittedBy: 'Alex Morgan' } },
      );
      revision = attached.data.attachEvidence.revision;
      const linkEvidence = attached.data.attachEvidence.evidence.at(-1);
      const { response } = await download(`/actions/${actionId}/evidence/${linkEvidence.id}/file`);
      expect(response.status).toBe(404);
    });
  });

  it('still loads evidence recorded before files existed (EvidenceAttached v1)', async () => {
    const streamId = `action-${actionId}`;
    const current = (await app.store().readStream(streamId)).at(-1)!.revision;
    await app.store().appendToStream(
      streamId,
      [
        {
          id: '6d1f4c1e-0000-4000-8000-000000000001',
          type: 'EvidenceAttached',
          data: { actionId, evidenceId: 'ev-v1', kind: 'ACTIVITY', title: 'Recorded in 2025', link: null, documentReference: 'SIB paper 3', submittedBy: 'Alex Morgan' },
          metadata: { schemaVersion: 1, occurredAt: '2026-03-01T09:00:00.000Z', commandId: 'v1', correlationId: 'v1', causationId: 'v1', actor: null },
        },
      ],
      current,
    );
    revision += 1;
    await app.app.get(ProjectionService).caughtUpToHead();
    const { data, errors } = await app.gql(EVIDENCE, { id: actionId });
    expect(errors).toBeUndefined();
    expect(data.action.evidence.find((e: any) => e.id === 'ev-v1')).toEqual({
      id: 'ev-v1',
      title: 'Recorded in 2025',
      link: null,
      documentReference: 'SIB paper 3',
      file: null,
    });
  });
});
