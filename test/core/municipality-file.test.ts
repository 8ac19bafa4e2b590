import { readFile } from 'node:fs/promises';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createMunicipality } from '../../src/core/checklist/create';
import { municipalityJsonSchema } from '../../src/core/schema/json-schema';
import { migrate, type Migration } from '../../src/core/schema/migrations';
import type { MunicipalityFile } from '../../src/core/schema/municipality';
import { parseMunicipalityJson, serializeMunicipality, validateMunicipality } from '../../src/core/schema/validate-municipality';
import { bundledPack, fixedEnv } from '../helpers/packs';

let file: MunicipalityFile;
beforeAll(async () => {
  file = createMunicipality(await bundledPack('familieraadslagning'), 'Vejle Kommune', fixedEnv());
});

describe('reading a municipality file', () => {
  it('round-trips through JSON unchanged', () => {
    const result = parseMunicipalityJson(serializeMunicipality(file));
    expect(result.ok && result.value.file).toEqual(file);
  });

  it('round-trips any combination of statuses, owners and notes', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ owner: fc.string({ maxLength: 50 }), notes: fc.string({ maxLength: 200 }), status: fc.constantFrom('not_started', 'in_progress', 'in_place', 'not_relevant' as const) }), { minLength: 35, maxLength: 35 }), (edits) => {
        const edited = { ...file, items: file.items.map((i, n) => ({ ...i, ...edits[n]! })) };
        const result = parseMunicipalityJson(serializeMunicipality(edited));
        expect(result.ok && result.value.file).toEqual(edited);
      }),
      { numRuns: 50 },
    );
  });

  it('names the file, the item and the field of each problem', () => {
    const broken = structuredClone(file) as unknown as { items: Array<Record<string, unknown>> };
    broken.items[6]!.status = 'done';
    broken.items[7]!.dueDate = '1. marts';
    const result = validateMunicipality(broken, 'vejle.json');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => `${p.file}: ${p.field}`)).toEqual([
      'vejle.json: items[6] (id "tovholder").status',
      'vejle.json: items[7] (id "arbejdsvilkaar").dueDate',
    ]);
    expect(result.problems[1]?.message).toBe('must be a date written YYYY-MM-DD');
  });

  it('rejects duplicate item ids and references to unknown drivers', () => {
    const dup = { ...file, items: [...file.items, file.items[0]!] };
    expect(validateMunicipality(dup).ok).toBe(false);
    const unknownDriver = { ...file, items: file.items.map((i, n) => (n === 0 ? { ...i, driverId: 'oekonomi' } : i)) };
    const result = validateMunicipality(unknownDriver);
    expect(!result.ok && result.problems[0]?.message).toBe('unknown driver "oekonomi"');
  });

  it('explains a truncated file instead of throwing', () => {
    const result = parseMunicipalityJson(serializeMunicipality(file).slice(0, 500), 'vejle.json');
    expect(!result.ok && result.problems[0]?.message).toMatch(/not valid JSON.*truncated/);
  });
});

describe('migrations', () => {
  it('refuses a file written by a newer Milepæl and a file without a version', () => {
    const newer = migrate({ ...file, schemaVersion: 99 });
    expect(!newer.ok && newer.problems[0]?.message).toMatch(/newer version of Milepæl/);
    expect(migrate({ name: 'x' }).ok).toBe(false);
    expect(migrate([1, 2]).ok).toBe(false);
  });

  it('runs each step in order and is idempotent: migrating a migrated file changes nothing', () => {
    const steps: Migration[] = [
      { from: 1, describe: 'rename notes', up: (f) => ({ ...f, notes: f.note, note: undefined }) },
      { from: 2, describe: 'add tags', up: (f) => ({ ...f, tags: [] }) },
    ];
    fc.assert(
      fc.property(fc.string(), (note) => {
        const once = migrate({ schemaVersion: 1, note }, steps, 3);
        expect(once.ok && once.value.applied).toEqual([1, 2]);
        if (!once.ok) return;
        expect(once.value.file).toMatchObject({ schemaVersion: 3, notes: note, tags: [] });
        const twice = migrate(once.value.file, steps, 3);
        expect(twice.ok && twice.value).toEqual({ file: once.value.file, applied: [] });
      }),
    );
    const gap = migrate({ schemaVersion: 1 }, [steps[1]!], 3);
    expect(!gap.ok && gap.problems[0]?.message).toBe('no migration from schema 1 to 2');
  });
});

describe('the published JSON Schema', () => {
  it('is in sync with the zod schema (run "npm run schema" after changing it)', async () => {
    const committed: unknown = JSON.parse(await readFile(new URL('../../docs/municipality.schema.json', import.meta.url), 'utf8'));
    expect(committed).toEqual(municipalityJsonSchema());
  });
});
