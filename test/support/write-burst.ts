import { createHash } from 'node:crypto';
import { samplePdf } from '../../apps/api/src/evidence-files/sample-files.fixture';
import { TestApp } from './test-app';

const REPORT = `mutation ($input: ReportProgressInput!) { reportProgress(input: $input) { id revision } }`;

/** A write the api answered as done: the action's revision after it, and for an upload the file's hash and bytes. */
export interface Acknowledged {
  kind: 'progress' | 'evidence';
  actionId: string;
  revision: number;
  commentary?: string;
  sha256?: string;
  bytes?: Buffer;
}

export interface WriteBurst {
  /** In the order the api acknowledged them. */
  readonly acknowledged: Acknowledged[];
  /** Writes the api refused or failed; none are expected. */
  readonly failures: string[];
  /** Resolves once `count` writes in all have been acknowledged. */
  reached(count: number): Promise<void>;
  stop(): Promise<void>;
}

export const sha256Of = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Uploads a file as evidence on an action over HTTP, as the tester (its owner). */
export async function uploadEvidence(app: TestApp, actionId: string, expectedRevision: number, bytes: Buffer, name: string): Promise<{ status: number; body: { file?: { sha256: string } } }> {
  const form = new FormData();
  for (const [key, value] of Object.entries({ kind: 'ACTIVITY', title: name, submittedBy: 'Alex Morgan', expectedRevision: String(expectedRevision) })) form.append(key, value);
  form.append('file', new Blob([Uint8Array.from(bytes)], { type: 'application/pdf' }), name);
  const response = await fetch(`${new URL(app.url).origin}/actions/${actionId}/evidence`, { method: 'POST', headers: { authorization: `Bearer ${await app.token('tester')}` }, body: form });
  return { status: response.status, body: (await response.json()) as { file?: { sha256: string } } };
}

/**
 * Several clients writing over HTTP as fast as the api answers, each on an action of its own so
 * none is refused for a stale revision: progress reports with the expected revision from the
 * previous answer, and one client uploading a new evidence file (a PDF of its own) each time.
 */
export function startWriteBurst(app: TestApp, progressActions: { id: string; revision: number }[], uploadAction: { id: string; revision: number }): WriteBurst {
  const acknowledged: Acknowledged[] = [];
  const failures: string[] = [];
  const waiting: { count: number; resolve(): void }[] = [];
  let stopped = false;

  const ack = (write: Acknowledged) => {
    acknowledged.push(write);
    for (const w of waiting.filter((w) => acknowledged.length >= w.count)) {
      waiting.splice(waiting.indexOf(w), 1);
      w.resolve();
    }
  };

  async function reporter(client: number, action: { id: string; revision: number }): Promise<void> {
    let revision = action.revision;
    for (let n = 1; !stopped; n += 1) {
      const commentary = `Client ${client}, update ${n}`;
      const res = await app.gql(REPORT, { input: { actionId: action.id, expectedRevision: revision, rag: n % 2 ? 'AMBER' : 'GREEN', commentary, asAt: '2026-06-01' } });
      if (res.errors) failures.push(`${commentary}: ${res.errors[0].message}`);
      else {
        revision = res.data.reportProgress.revision;
        ack({ kind: 'progress', actionId: action.id, revision, commentary });
      }
    }
  }

  async function uploader(action: { id: string; revision: number }): Promise<void> {
    let revision = action.revision;
    for (let n = 1; !stopped; n += 1) {
      const bytes = samplePdf(`Board paper ${n} for action ${action.id}`);
      const { status, body } = await uploadEvidence(app, action.id, revision, bytes, `board-paper-${n}.pdf`);
      if (status !== 201) failures.push(`upload ${n}: ${status} ${JSON.stringify(body)}`);
      else {
        revision += 1;
        ack({ kind: 'evidence', actionId: action.id, revision, sha256: body.file!.sha256, bytes });
      }
    }
  }

  const clients = [...progressActions.map((action, i) => reporter(i + 1, action)), uploader(uploadAction)];
  return {
    acknowledged,
    failures,
    reached: (count) => (acknowledged.length >= count ? Promise.resolve() : new Promise((resolve) => waiting.push({ count, resolve }))),
    async stop() {
      stopped = true;
      await Promise.all(clients);
    },
  };
}
