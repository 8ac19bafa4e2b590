import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as A from '@automerge/automerge';
import { z } from 'zod';
import { directoryEntries, type DirectoryDoc, type DirectoryEntry } from './directory';
import { listChunks } from './watcher';

/**
 * The directory's entries remembered with the exact chunk files they were read from. Chunk names
 * are hashes of their content, so the same names mean the same directory: the start screen can
 * then list municipalities without loading Automerge at all (its first load costs ~0.2–0.3 s).
 */
const cacheSchema = z.object({
  format: z.literal(1),
  chunks: z.array(z.string()),
  entries: z.array(z.object({ id: z.string(), name: z.string(), deletedAt: z.string().nullable() })),
});

const sameChunks = (a: readonly string[], b: readonly string[]) => a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');

/** The remembered entries when the directory's folder holds exactly the chunks they were read from. */
export async function readDirectoryCache(file: string, folder: string): Promise<DirectoryEntry[] | null> {
  const [text, chunks] = await Promise.all([readFile(file, 'utf8').catch(() => null), listChunks(folder)]);
  if (text === null || chunks.length === 0) return null;
  let parsed;
  try {
    parsed = cacheSchema.safeParse(JSON.parse(text));
  } catch {
    return null; // A damaged cache only costs speed: the directory is loaded instead.
  }
  return parsed.success && sameChunks(parsed.data.chunks, chunks) ? parsed.data.entries : null;
}

/**
 * Reads the directory's chunk files from disk and remembers their entries. Computed from the files
 * themselves, not from the open document: another app on a shared folder may have added a chunk
 * that this app has not merged yet, and the cache must describe exactly the files it names.
 */
export async function writeDirectoryCache(file: string, folder: string): Promise<void> {
  const chunks = await listChunks(folder);
  let doc = A.init<DirectoryDoc>();
  for (const chunk of chunks) {
    const bytes = await readFile(path.join(folder, chunk)).catch(() => null);
    // A chunk went away while reading (another app compacted the directory): try again next time.
    if (bytes === null) return;
    doc = A.loadIncremental(doc, new Uint8Array(bytes));
  }
  const cache: z.infer<typeof cacheSchema> = { format: 1, chunks, entries: directoryEntries(doc) };
  await mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, JSON.stringify(cache));
  await rename(temp, file);
}
