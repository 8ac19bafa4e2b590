import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { bundledContentDir, loadPackFolder } from '../../src/backend/packs/fs-packs';
import type { PackFile } from '../../src/core/pack/parse-pack';
import type { Pack } from '../../src/core/schema/pack';

export async function bundledPack(id: string): Promise<Pack> {
  const result = await loadPackFolder(path.join(bundledContentDir(), id));
  if (!result.ok) throw new Error(`bundled pack ${id} is invalid: ${JSON.stringify(result.problems)}`);
  return result.value;
}

/** The files of a bundled pack, so a test can break one of them in memory. */
export async function bundledPackFiles(id: string): Promise<PackFile[]> {
  const dir = path.join(bundledContentDir(), id);
  const files: PackFile[] = [{ path: 'pack.yml', text: await readFile(path.join(dir, 'pack.yml'), 'utf8') }];
  for (const name of (await readdir(path.join(dir, 'milestones'))).sort()) {
    files.push({ path: `milestones/${name}`, text: await readFile(path.join(dir, 'milestones', name), 'utf8') });
  }
  return files;
}

export const fixedEnv = () => {
  let n = 0;
  return { now: () => new Date('2026-11-22T10:00:00.000Z'), newId: () => `id${++n}` };
};

/** The pack's text with every `en:` entry (one line or a block, blank lines in it too) taken out, as a Danish-only pack is written. */
export function withoutEnglish(text: string): string {
  const lines = text.split('\n');
  const kept: string[] = [];
  let blockIndent = -1;
  for (const line of lines) {
    const indent = line.length - line.trimStart().length;
    // A blank line inside the block (between paragraphs of an English intro) belongs to it.
    if (blockIndent >= 0 && (line.trim() === '' || indent > blockIndent)) continue;
    blockIndent = -1;
    if (/^\s*en:/.test(line)) {
      if (/^\s*en:\s*$/.test(line)) blockIndent = indent;
      continue;
    }
    kept.push(line);
  }
  return kept.join('\n');
}
