import { mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ABANDONED_AFTER_MS, removeAbandonedUploads } from './abandoned-uploads';

describe('removeAbandonedUploads', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'abandoned-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('removes files left in the working folders long ago and keeps young ones and the store', async () => {
    const now = Date.now();
    const incoming = join(dir, 'incoming');
    const tmp = join(dir, 'tmp');
    const stored = join(dir, 'ab', 'cd');
    for (const folder of [incoming, tmp, stored]) mkdirSync(folder, { recursive: true });
    const old = (now - ABANDONED_AFTER_MS - 60_000) / 1000;
    for (const [folder, name] of [[incoming, 'crashed-upload'], [tmp, 'crashed-put'], [stored, 'abcd'.padEnd(64, '0')]]) {
      writeFileSync(join(folder, name), 'x');
      utimesSync(join(folder, name), old, old);
    }
    writeFileSync(join(incoming, 'in-progress'), 'x');

    expect(await removeAbandonedUploads([incoming, tmp, join(dir, 'missing')], now)).toBe(2);
    expect(readdirSync(incoming)).toEqual(['in-progress']);
    expect(readdirSync(tmp)).toEqual([]);
    expect(readdirSync(stored)).toHaveLength(1);
  });
});
