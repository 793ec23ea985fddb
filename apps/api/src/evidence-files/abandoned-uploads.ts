import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** Long past any upload still in progress on this or another instance sharing the folder. */
export const ABANDONED_AFTER_MS = 60 * 60 * 1000;

/**
 * Removes the files a crash left behind in an upload's working folders (`incoming/`, `tmp/`):
 * they were never renamed into the store, so no event can name them. Only files older than
 * `olderThanMs` go, because another api instance may be writing a younger one right now.
 * Returns how many were removed.
 */
export async function removeAbandonedUploads(folders: string[], now: number, olderThanMs = ABANDONED_AFTER_MS): Promise<number> {
  let removed = 0;
  for (const folder of folders) {
    let names: string[];
    try {
      names = await readdir(folder);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw error;
    }
    for (const name of names) {
      const path = join(folder, name);
      const info = await stat(path).catch(() => undefined);
      if (!info?.isFile() || now - info.mtimeMs < olderThanMs) continue;
      await rm(path, { force: true });
      removed += 1;
    }
  }
  return removed;
}
