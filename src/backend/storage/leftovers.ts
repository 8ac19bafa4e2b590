import { lstat, readdir, rm } from 'node:fs/promises';
import path from 'node:path';

/** writeFileAtomic's temporary files: `.<name>.<pid>.<ms>.tmp`. */
const TEMP_FILE = /^\..+\.\d+\.\d+\.tmp$/;

/**
 * A save in another Milepæl on the same shared folder may be writing its temporary file right
 * now; only files untouched for this long are leftovers of a save that was interrupted.
 */
export const LEFTOVER_AGE_MS = 10 * 60_000;

/**
 * Removes temporary files of interrupted saves; a folder that cannot be read or cleaned is left as
 * it is. `nowMs` is the wall clock the filesystem stamps files with, not the app's clock.
 */
export async function removeLeftoverTempFiles(folders: readonly string[], nowMs = Date.now()): Promise<void> {
  for (const folder of folders) {
    const names = await readdir(folder).catch(() => [] as string[]);
    for (const name of names.filter((n) => TEMP_FILE.test(n))) {
      const target = path.join(folder, name);
      const info = await lstat(target).catch(() => null);
      if (info?.isFile() && nowMs - info.mtimeMs > LEFTOVER_AGE_MS) await rm(target, { force: true }).catch(() => undefined);
    }
  }
}
