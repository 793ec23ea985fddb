import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { DiskEvidenceFileStore } from './disk-evidence-file-store';
import { samplePdf } from './sample-files.fixture';

const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();

describe('DiskEvidenceFileStore', () => {
  let dir: string;
  let store: DiskEvidenceFileStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'evidence-files-'));
    store = new DiskEvidenceFileStore(dir);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('stores content under its SHA-256 in two levels of folders and answers hash and size', async () => {
    const pdf = samplePdf();
    const sha256 = createHash('sha256').update(pdf).digest('hex');

    expect(await store.put(Readable.from([pdf.subarray(0, 100), pdf.subarray(100)]))).toEqual({ sha256, size: pdf.length });

    expect(filesUnder(dir)).toEqual([join(sha256.slice(0, 2), sha256.slice(2, 4), sha256)]);
    expect(readFileSync(store.pathOf(sha256)).equals(pdf)).toBe(true);
    expect(await store.has(sha256)).toBe(true);
  });

  it('keeps the same content once however often it is put', async () => {
    const first = await store.put(Readable.from([Buffer.from('Belonging Plan, co-produced with the youth forum')]));
    const second = await store.put(Readable.from([Buffer.from('Belonging Plan, co-produced with the youth forum')]));
    expect(second).toEqual(first);
    expect(filesUnder(dir)).toHaveLength(1);
  });

  it('opens stored content and answers null for a hash it does not hold', async () => {
    const { sha256 } = await store.put(Readable.from([Buffer.from('EBSNA guidance')]));
    expect(await text((await store.open(sha256))!)).toBe('EBSNA guidance');
    expect(await store.open('0'.repeat(64))).toBeNull();
    expect(await store.has('0'.repeat(64))).toBe(false);
  });

  it('refuses anything that is not a hash instead of reading a path', async () => {
    expect(await store.has('../../etc/passwd')).toBe(false);
    expect(await store.open('../x')).toBeNull();
  });

  it('leaves nothing behind when the content fails half way', async () => {
    async function* failing() {
      yield Buffer.from('first half of a board paper');
      throw new Error('connection reset');
    }
    await expect(store.put(Readable.from(failing()))).rejects.toThrow('connection reset');
    expect(filesUnder(dir)).toEqual([]);
  });
});
