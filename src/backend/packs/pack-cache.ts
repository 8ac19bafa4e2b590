import { createHash } from 'node:crypto';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import type { Pack } from '../../core/schema/pack';

/**
 * Parsed packs kept between runs, so a command does not parse YAML (most of `milepael packs`'s
 * time) when no pack file changed. Only the compiled build has an id (set by
 * scripts/build-node.mjs); a run from source never uses the cache, so a change to the parser
 * cannot meet a pack parsed by the old one.
 */
const BUILD_ID = process.env.MILEPAEL_BUILD_ID;

/**
 * The pack was validated by packSchema before it was cached; validating it again on every start
 * cost ~0.2 s. A checksum of the cached pack's text proves it is the one that was validated.
 */
const cacheEntrySchema = z.object({ key: z.string(), checksum: z.string(), pack: z.unknown() });

const checksumOf = (packText: string) => createHash('sha256').update(packText).digest('hex');

function cacheFile(dir: string): string {
  const base = process.env.XDG_CACHE_HOME ?? path.join(homedir(), '.cache');
  return path.join(base, 'milepael', 'packs', `${createHash('sha256').update(path.resolve(dir)).digest('hex').slice(0, 24)}.json`);
}

/** Identifies the pack files' content cheaply: build, names, sizes and modification times. */
async function cacheKey(dir: string, files: readonly string[]): Promise<string> {
  const stats = await Promise.all(files.map(async (file) => {
    const s = await stat(path.join(dir, file));
    return `${file}:${s.size}:${s.mtimeMs}`;
  }));
  return `${BUILD_ID ?? ''}|${stats.join('|')}`;
}

export interface PackCache {
  get(): Promise<Pack | null>;
  put(pack: Pack): Promise<void>;
}

/** A cache for one pack folder with the given files; a no-op when running from source. */
export async function packCacheFor(dir: string, files: readonly string[]): Promise<PackCache> {
  if (BUILD_ID === undefined) return { get: async () => null, put: async () => undefined };
  const file = cacheFile(dir);
  let key: string | null = null;
  try {
    key = await cacheKey(dir, files);
  } catch {
    // A file vanished between listing and stat: parse as usual and report from there.
  }
  return {
    async get() {
      if (key === null) return null;
      try {
        const entry = cacheEntrySchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
        if (!entry.success || entry.data.key !== key || checksumOf(JSON.stringify(entry.data.pack)) !== entry.data.checksum) return null;
        return entry.data.pack as Pack;
      } catch {
        return null; // No cache yet, or an unreadable one: parse the pack.
      }
    },
    async put(pack) {
      if (key === null) return;
      try {
        await mkdir(path.dirname(file), { recursive: true });
        await writeFile(file, JSON.stringify({ key, checksum: checksumOf(JSON.stringify(pack)), pack }));
      } catch {
        // A read-only home folder only costs speed.
      }
    },
  };
}
