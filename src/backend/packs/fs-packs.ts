import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MANIFEST_FILE, MILESTONE_DIR, parsePack, type PackFile } from '../../core/pack/parse-pack';
import type { Problem, Result } from '../../core/schema/common';
import type { Pack } from '../../core/schema/pack';
import { packCacheFor } from './pack-cache';
import { EVALUATION_FILE } from '../../core/evaluation/definition';

/** The packs shipped with the app, in the repository's content/ folder. */
export function bundledContentDir(): string {
  return fileURLToPath(new URL('../../../content', import.meta.url));
}

async function readPackFiles(dir: string): Promise<PackFile[]> {
  const files: PackFile[] = [{ path: MANIFEST_FILE, text: await readFile(path.join(dir, MANIFEST_FILE), 'utf8') }];
  let names: string[] = [];
  try {
    names = await readdir(path.join(dir, MILESTONE_DIR));
  } catch {
    // A missing milestones folder is reported by parsePack with the folder name.
  }
  for (const name of names.filter((n) => n.endsWith('.md'))) {
    files.push({ path: `${MILESTONE_DIR}${name}`, text: await readFile(path.join(dir, MILESTONE_DIR, name), 'utf8') });
  }
  // Optional: a pack without evaluation.yml has no questionnaire items or stages.
  const evaluation = await readFile(path.join(dir, EVALUATION_FILE), 'utf8').catch(() => null);
  if (evaluation !== null) files.push({ path: EVALUATION_FILE, text: evaluation });
  return files;
}

async function packFileNames(dir: string): Promise<string[]> {
  const names = await readdir(path.join(dir, MILESTONE_DIR)).catch(() => []);
  return [MANIFEST_FILE, ...names.filter((n) => n.endsWith('.md')).map((n) => `${MILESTONE_DIR}${n}`)];
}

export async function loadPackFolder(dir: string): Promise<Result<Pack>> {
  try {
    const cache = await packCacheFor(dir, await packFileNames(dir));
    const cached = await cache.get();
    if (cached) return { ok: true, value: cached };
    const result = parsePack(await readPackFiles(dir), dir);
    if (result.ok) await cache.put(result.value);
    return result;
  } catch (error) {
    const reason = error instanceof Error && 'code' in error && error.code === 'ENOENT' ? 'missing' : String(error);
    return { ok: false, problems: [{ file: path.join(dir, MANIFEST_FILE), field: '(file)', message: `cannot be read: ${reason}` }] };
  }
}

export interface LoadedPacks {
  packs: Pack[];
  /** Packs that failed to load; the others still load. */
  problems: Problem[];
}

/** Loads every pack folder (a folder holding pack.yml) inside the content folder. */
export async function loadPacks(contentDir: string = bundledContentDir()): Promise<LoadedPacks> {
  const entries = await readdir(contentDir, { withFileTypes: true });
  const packs: Pack[] = [];
  const problems: Problem[] = [];
  for (const entry of entries.filter((e) => e.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
    const result = await loadPackFolder(path.join(contentDir, entry.name));
    if (result.ok) packs.push(result.value);
    else problems.push(...result.problems);
  }
  return { packs, problems };
}
