import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main';
import { parseMunicipalityJson } from '../../src/core/schema/validate-municipality';
import { tempFolder } from './helpers';

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

describe('milepael import / edit / export / log on a shared folder', { timeout: 60_000 }, () => {
  it('imports a file, applies a change with its author, exports it and logs who did it', async () => {
    const dir = await tempFolder();
    const workspace = path.join(dir, 'delt');
    const source = path.join(dir, 'aarhus.json');
    expect((await cli('new', 'Aarhus Kommune', '--pack', 'familieraadslagning', '--out', source)).code).toBe(0);
    const imported = await cli('import', workspace, source);
    expect(imported.code).toBe(0);
    const id = imported.out[0]!;
    const edited = await cli('edit', workspace, '--municipality', 'aarhus kommune', '--item', 'formaal-og-maalgruppe', '--status', 'in_place', '--owner', 'Chefen', '--as', 'Projektleder Anne');
    expect(edited.code).toBe(0);
    const out = path.join(dir, 'ud.json');
    expect((await cli('export', workspace, '--municipality', id, '--out', out)).code).toBe(0);
    const exported = parseMunicipalityJson(await readFile(out, 'utf8'));
    expect(exported.ok).toBe(true);
    if (!exported.ok) return;
    const item = exported.value.file.items.find((i) => i.id === 'formaal-og-maalgruppe')!;
    expect([item.status, item.owner]).toEqual(['in_place', 'Chefen']);
    const log = await cli('log', workspace, '--municipality', id, '--json');
    const entries = JSON.parse(log.out.join('\n')) as { by: string; what: { field: string; value?: unknown }[] }[];
    expect(entries.at(-1)).toMatchObject({ by: 'Projektleder Anne', what: [{ field: 'status', value: 'in_place' }, { field: 'owner', value: 'Chefen' }] });
  });

  it('says what to do when the call is wrong or the municipality unknown', async () => {
    const workspace = path.join(await tempFolder(), 'tom');
    expect((await cli('edit', workspace, '--municipality', 'x', '--item', 'y', '--status', 'in_place')).err.join()).toMatch(/--as/);
    const unknown = await cli('edit', workspace, '--municipality', 'Ingen', '--item', 'y', '--status', 'in_place', '--as', 'Anne');
    expect(unknown.code).toBe(1);
    expect(unknown.err.join()).toMatch(/no municipality "Ingen"/);
    expect((await cli('import', 'https://team.example', 'x.json')).err.join()).toMatch(/--key/);
  });
});
