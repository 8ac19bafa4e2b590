// Large generated workspaces for the growth benches: N municipalities, each with R monthly rounds.
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { applyEdit } from '../src/core/checklist/edits';
import { STATUSES } from '../src/core/schema/common';
import type { MunicipalityFile } from '../src/core/schema/municipality';
import { serializeMunicipality } from '../src/core/schema/validate-municipality';
import { generatePortfolio } from './fixtures';

/** The 98 generated municipalities, each with `rounds` monthly assessment rounds. */
export async function templatesWithRounds(rounds: number): Promise<MunicipalityFile[]> {
  return (await generatePortfolio()).map((base, n) => {
    let file = base;
    for (let month = 0; month < rounds; month++) {
      const date = `${2010 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}-15`;
      const env = { now: () => new Date(`${date}T10:00:00Z`), newId: () => `r${month}` };
      const item = file.items[(month * 7 + n) % file.items.length]!;
      file = applyEdit(file, { type: 'setStatus', itemId: item.id, status: STATUSES[(month + n) % 3]! }, env);
      file = applyEdit(file, { type: 'recordSnapshot', date, label: `Måling ${month + 1}` }, env);
    }
    return file;
  });
}

/**
 * Writes `count` municipality files made from the templates (copy k of template t gets its own id
 * and the name "<name> <k>"). Returns the folder and the bytes written.
 */
export async function writeWorkspace(templates: readonly MunicipalityFile[], count: number, rename?: (index: number, name: string) => string): Promise<{ location: string; bytes: number }> {
  const location = await mkdtemp(path.join(tmpdir(), `milepael-scale-${count}-`));
  await mkdir(path.join(location, 'municipalities'));
  const texts = templates.map((t) => serializeMunicipality(t));
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const t = i % templates.length;
    const copy = Math.floor(i / templates.length);
    const id = `bench-${String(i).padStart(5, '0')}`;
    const base = templates[t]!;
    const name = rename?.(i, base.name) ?? (copy === 0 ? base.name : `${base.name} ${copy + 1}`);
    // Only the top-level id and name differ between copies; replacing the first occurrences keeps the file's own layout.
    const text = texts[t]!.replace(JSON.stringify(base.id), JSON.stringify(id)).replace(`"name": ${JSON.stringify(base.name)}`, `"name": ${JSON.stringify(name)}`);
    bytes += text.length;
    await writeFile(path.join(location, 'municipalities', `${id}.json`), text);
  }
  return { location, bytes };
}
