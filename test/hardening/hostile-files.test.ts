import { readdir } from 'node:fs/promises';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePack, type PackFile } from '../../src/core/pack/parse-pack';
import { parseMunicipalityJson, serializeMunicipality, validateMunicipality } from '../../src/core/schema/validate-municipality';
import type { MunicipalityFile } from '../../src/core/schema/municipality';
import { bundledPackFiles } from '../helpers/packs';
import { fixedSample } from '../helpers/sample';
import { tempWorkspace, testClock } from '../helpers/workspace';

const counts = { validate: 0, mutated: 0, imported: 0, packs: 0 };
let valid: MunicipalityFile;
let validText: string;
let packFiles: PackFile[];

beforeAll(async () => {
  valid = await fixedSample();
  validText = serializeMunicipality(valid);
  packFiles = await bundledPackFiles('familieraadslagning');
});
afterAll(() => {
  const total = counts.validate + counts.mutated + counts.imported + counts.packs;
  console.info(`hostile files: ${total} malformed or oversized inputs (${counts.validate} arbitrary values, ${counts.mutated} mutated files, ${counts.imported} imports, ${counts.packs} packs) – no crash, a message for each`);
});

const deep = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
/** Values that break parsers and validators in practice. */
const hostileValue = fc.oneof(
  fc.constant('x'.repeat(2_000_000)),
  fc.constant('2026-02-30'),
  fc.constant('not a date'),
  fc.constant(-1),
  fc.constant(Number.MAX_SAFE_INTEGER),
  fc.constant(null),
  fc.constant({ __proto__: { polluted: true } }),
  fc.constant(JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}')),
  fc.constant(JSON.parse(deep(2000))),
  fc.constant([]),
  fc.constant({}),
  fc.string(),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constantFrom(0, 3, 99, '2', 1.5),
);

function expectMessages(result: ReturnType<typeof validateMunicipality>) {
  if (result.ok) return;
  expect(result.problems.length).toBeGreaterThan(0);
  for (const p of result.problems) expect(p.message.length).toBeGreaterThan(0);
}

/** Replaces the value at a random path of a valid file. */
function mutate(file: unknown, choices: number[], value: unknown): unknown {
  const copy = structuredClone(file) as Record<string, unknown>;
  let node: Record<string, unknown> = copy;
  for (const choice of choices) {
    const keys = Object.keys(node);
    if (keys.length === 0) break;
    const key = keys[choice % keys.length]!;
    const next = node[key];
    if (typeof next !== 'object' || next === null || choice % 3 === 0) {
      node[key] = value;
      return copy;
    }
    node = next as Record<string, unknown>;
  }
  node['__proto__'] = value;
  return copy;
}

describe('hostile municipality files', () => {
  it('arbitrary JSON values are refused with a message, never a crash', { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.anything()), (value) => {
        counts.validate++;
        const result = validateMunicipality(value);
        expect(result.ok).toBe(false);
        expectMessages(result);
      }),
      { numRuns: 4000 },
    );
  });

  it('a valid file with one value made hostile is refused or still valid, never a crash', { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 1, maxLength: 8 }), hostileValue, (path, value) => {
        counts.mutated++;
        expectMessages(validateMunicipality(mutate(valid, path, value)));
        expectMessages(validateMunicipality({ ...valid, schemaVersion: value }));
      }),
      { numRuns: 3000 },
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('imports of damaged, truncated and oversized files write nothing and say why', { timeout: 120_000 }, async () => {
    const { service, location } = await tempWorkspace(testClock().env);
    const before = await readdir(location, { recursive: true });
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.nat({ max: validText.length - 2 }).map((cut) => validText.slice(0, cut)),
          fc.tuple(fc.nat({ max: validText.length - 1 }), fc.string({ minLength: 1, maxLength: 5 })).map(([at, junk]) => validText.slice(0, at) + junk + validText.slice(at + 1)),
          fc.constant(deep(100_000)),
          fc.constant(`{"a": "${'ø'.repeat(3_000_000)}"}`),
          fc.string(),
        ),
        async (text) => {
          counts.imported++;
          const parsed = parseMunicipalityJson(text);
          if (parsed.ok) return; // a harmless change (e.g. inside a note) leaves a valid file
          await expect(service.importFile(text, 'kommune.json')).rejects.toMatchObject({ code: 'invalid_file', message: expect.stringMatching(/Nothing was imported/) });
        },
      ),
      { numRuns: 1500 },
    );
    expect(await readdir(location, { recursive: true })).toEqual(before);
  });
});

describe('hostile method packs', () => {
  it('damaged manifests and milestone files are refused with the file named, never a crash', { timeout: 120_000 }, () => {
    const bomb = `a: &a ["x","x","x","x","x","x","x","x","x"]\n${Array.from({ length: 9 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill(`*${String.fromCharCode(97 + i)}`).join(',')}]`).join('\n')}\n`;
    fc.assert(
      fc.property(
        fc.nat({ max: packFiles.length - 1 }),
        fc.oneof(
          fc.string(),
          fc.constant(bomb),
          fc.constant('---\n' + '- '.repeat(5000) + 'x\n---\n'),
          fc.constant('__proto__:\n  polluted: true\nid: x\n'),
          fc.constant('x'.repeat(2_000_000)),
          fc.nat().map((n) => `---\nid: m${n}\ntitle: [unclosed\n---\n`),
        ),
        fc.boolean(),
        (index, text, truncate) => {
          counts.packs++;
          const files = packFiles.map((f, i) => (i === index ? { ...f, text: truncate ? f.text.slice(0, text.length % f.text.length) : text } : f));
          const result = parsePack(files, 'content/fuzz');
          if (result.ok) return;
          expect(result.problems.length).toBeGreaterThan(0);
          for (const p of result.problems) expect(p.file).toMatch(/^content\/fuzz\//);
        },
      ),
      { numRuns: 2000 },
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
