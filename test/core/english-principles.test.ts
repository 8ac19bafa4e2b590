import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createMunicipality } from '../../src/core/checklist/create';
import { applyEdit } from '../../src/core/checklist/edits';
import { localizeFile, localizePack, missingEnglish } from '../../src/core/pack/english';
import { parsePack, type PackFile } from '../../src/core/pack/parse-pack';
import { applyPackUpdate, computePackUpdate } from '../../src/core/pack-update';
import { migrate } from '../../src/core/schema/migrations';
import { CURRENT_SCHEMA_VERSION, municipalityFileSchema, type MunicipalityFile } from '../../src/core/schema/municipality';
import type { Pack } from '../../src/core/schema/pack';
import { validateMunicipality } from '../../src/core/schema/validate-municipality';
import { bundledPack, bundledPackFiles, fixedEnv, withoutEnglish } from '../helpers/packs';

const ID = 'styrket-familiebehandling';
const RELATION = 'systematisk-relationsarbejde';
const MATCH_DA = 'Når et forløb starter, vurderer teamet, hvilken familiebehandler der passer bedst til familien.';
const MATCH_EN = 'When a course starts, the team considers which family therapist suits the family best.';

let pack: Pack;
let file: MunicipalityFile;
beforeAll(async () => {
  pack = await bundledPack(ID);
  file = createMunicipality(pack, 'Randers Kommune', fixedEnv());
});

const item = (f: MunicipalityFile, id: string) => f.items.find((i) => i.id === id)!;

/** The pack's files with some of them changed, parsed. */
async function packWith(change: (f: PackFile) => PackFile) {
  return parsePack((await bundledPackFiles(ID)).map(change));
}

describe('the English of principles, observable signs, resource notes and tools', () => {
  it('is shown to an English reader of the file, while the file keeps the Danish', () => {
    const english = localizeFile(file, 'en');
    const relation = item(english, RELATION);
    expect(relation.principles![0]!.title).toBe('Systematic relationship work');
    // The principle is the element itself: its title is the item's title in both languages.
    expect(relation.principles![0]!.title).toBe(relation.title);
    expect(relation.principles![0]!.signs.find((s) => s.id === 'match')!.text).toBe(MATCH_EN);
    expect(relation.resourceNotes).toEqual(['The source counts the training for relationship work as part of the shared methodological foundation.']);
    expect(relation.tools).toEqual([expect.objectContaining({ name: 'FIT', purpose: expect.stringMatching(/^Systematic feedback from the family/) })]);
    const foundation = item(english, 'faelles-metodisk-fundament');
    expect(foundation.principles!.map((p) => p.title)).toEqual(['Active choice of approach and joint training', 'Use of tools that support the methodological foundation']);
    // Tool names are proper names and stay.
    expect(foundation.tools!.map((t) => t.name)).toEqual(item(file, 'faelles-metodisk-fundament').tools!.map((t) => t.name));
    // Every sign of every element reads in English, and nothing Danish is left.
    for (const i of english.items) {
      for (const p of i.principles ?? []) for (const s of p.signs) expect(s.text, `${i.id} ${s.id}`).toBe(s.en!.text);
    }
    expect(item(file, RELATION).principles![0]!.signs[0]!.text).toBe(MATCH_DA);
    expect(localizeFile(file, 'da')).toBe(file);
    expect(localizeFile(english, 'en')).toEqual(english);
  });

  it("keeps what the team ticked and wrote, which has no English", () => {
    const env = fixedEnv();
    const ticked = applyEdit(file, { type: 'setSign', itemId: RELATION, principleId: RELATION, signId: 'match', seen: true, comment: 'Fast punkt på visitationsmødet' }, env);
    const sign = item(localizeFile(ticked, 'en'), RELATION).principles![0]!.signs.find((s) => s.id === 'match')!;
    expect(sign).toMatchObject({ text: MATCH_EN, seen: true, comment: 'Fast punkt på visitationsmødet' });
    expect(municipalityFileSchema.safeParse(ticked).success).toBe(true);
  });

  it('gives the Metoden page the English principles and their signs', () => {
    const english = localizePack(pack, 'en');
    const relation = english.milestones.find((m) => m.id === RELATION)!;
    expect(relation.principles[0]!.title).toBe('Systematic relationship work');
    expect(relation.principles[0]!.signs[0]!.text).toBe(MATCH_EN);
    expect(relation.resourceNotes[0]).toMatch(/^The source counts the training/);
    expect(english.milestones.find((m) => m.id === 'flerfamilieaktiviteter')!.principles.map((p) => p.title)).toEqual([
      'Competencies of the group facilitator',
      'Group courses',
      'The shared third as what organises the multi-family activity',
    ]);
    expect(localizePack(pack, 'da')).toBe(pack);
  });
});

describe('pack check notes a principle, a sign, a resource note or a tool purpose without English', () => {
  it('and refuses English resource notes that do not match the Danish ones one for one', async () => {
    expect(missingEnglish(pack).missing).toEqual([]);
    const partial = await packWith((f) =>
      f.path !== 'milestones/05-systematisk-relationsarbejde.md'
        ? f
        : {
            ...f,
            text: f.text
              .replace('    en: { title: "Systematic relationship work" }\n', '')
              .replace(/ {8}en: \{ text: "When a course starts.*\n/, '')
              .replace(/ {2}resourceNotes:\n {4}- "The source counts.*\n/, '')
              .replace(/ {4}en: \{ purpose: "Systematic feedback.*\n/, ''),
          },
    );
    if (!partial.ok) throw new Error(JSON.stringify(partial.problems));
    expect(missingEnglish(partial.value).missing).toEqual([
      'milestones/05-systematisk-relationsarbejde.md: principle "systematisk-relationsarbejde"',
      'milestones/05-systematisk-relationsarbejde.md: principle "systematisk-relationsarbejde" sign "match"',
      'milestones/05-systematisk-relationsarbejde.md: resource note 1',
      'milestones/05-systematisk-relationsarbejde.md: tool "FIT" purpose',
    ]);

    const extra = await packWith((f) => (f.path === 'milestones/05-systematisk-relationsarbejde.md' ? { ...f, text: f.text.replace('  resourceNotes:\n', '  resourceNotes:\n    - "One note too many."\n') } : f));
    expect(extra.ok).toBe(false);
    expect(!extra.ok && extra.problems).toEqual([
      { file: 'milestones/05-systematisk-relationsarbejde.md', field: 'en.resourceNotes', message: 'has 2 notes; give one English note for each of the 1 in resourceNotes, in the same order' },
    ]);
    const misspelt = await packWith((f) => (f.path === 'milestones/05-systematisk-relationsarbejde.md' ? { ...f, text: f.text.replace('en: { text: "When a course starts', 'en: { tekst: "When a course starts') } : f));
    expect(misspelt.ok).toBe(false);
  });
});

describe('a pack update brings the English of principles, signs, resource notes and tools', () => {
  it('to a file made from the Danish-only pack, keeping what the team ticked and wrote', async () => {
    const danish = await packWith((f) => ({ ...f, text: withoutEnglish(f.text).replace('version: 2.2.0', 'version: 2.1.0') }));
    if (!danish.ok) throw new Error(JSON.stringify(danish.problems));
    const env = fixedEnv();
    let older = createMunicipality(danish.value, 'Før Kommune', env);
    expect(item(older, RELATION).principles![0]!.en).toBeUndefined();
    older = applyEdit(older, { type: 'setSign', itemId: RELATION, principleId: RELATION, signId: 'match', seen: true, comment: 'Vi gør det altid' }, env);
    expect(item(localizeFile(older, 'en'), RELATION).principles![0]!.signs[0]!.text).toBe(MATCH_DA);

    expect(computePackUpdate(older, pack)).toMatchObject({ fromVersion: '2.1.0', toVersion: '2.2.0', changes: [] });
    const updated = applyPackUpdate(older, pack, {});
    expect(municipalityFileSchema.safeParse(updated).success).toBe(true);
    const english = item(localizeFile(updated, 'en'), RELATION);
    expect(english.principles![0]!.signs[0]).toMatchObject({ text: MATCH_EN, seen: true, comment: 'Vi gør det altid' });
    expect(english.resourceNotes![0]).toMatch(/^The source counts/);
    expect(english.tools![0]!.purpose).toMatch(/^Systematic feedback/);
    expect(item(updated, RELATION).principles![0]!.signs[0]!.text).toBe(MATCH_DA);
  });
});

describe('the schema 5 → 6 migration', () => {
  it('reads a version-5 file as the current version without changing it, once', () => {
    expect(CURRENT_SCHEMA_VERSION).toBe(6);
    fc.assert(
      fc.property(fc.boolean(), fc.string({ maxLength: 100 }), (seen, comment) => {
        // What a schema-5 app wrote: no English on principles, signs or tools, and no English resource notes.
        const v5 = structuredClone({
          ...file,
          schemaVersion: 5,
          items: file.items.map(({ principles, tools, en, ...i }) => ({
            ...i,
            ...(en ? { en: (({ resourceNotes: _r, ...e }) => e)(en) } : {}),
            ...(principles ? { principles: principles.map(({ en: _p, ...p }) => ({ ...p, signs: p.signs.map(({ en: _s, ...s }) => ({ ...s, seen, comment })) })) } : {}),
            ...(tools ? { tools: tools.map(({ en: _t, ...t }) => t) } : {}),
          })),
        }) as unknown;
        const result = validateMunicipality(v5);
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        expect(result.value.migratedFrom).toEqual([5]);
        const migrated = result.value.file;
        expect(migrated.schemaVersion).toBe(6);
        expect(migrated.items).toEqual((v5 as MunicipalityFile).items);
        const again = migrate(migrated);
        expect(again.ok && again.value).toEqual({ file: migrated, applied: [] });
      }),
      { numRuns: 20 },
    );
  });

  it("is needed because a new file carries the pack's English in the new fields, so it reads in English without its pack", () => {
    const relation = item(file, RELATION);
    expect(relation.principles![0]!.en).toEqual({ title: 'Systematic relationship work' });
    expect(relation.principles![0]!.signs[0]!.en).toEqual({ text: MATCH_EN });
    expect(relation.en!.resourceNotes).toHaveLength(relation.resourceNotes!.length);
    expect(relation.tools![0]!.en!.purpose).toMatch(/^Systematic feedback/);
    expect(municipalityFileSchema.safeParse(file).success).toBe(true);
  });
});
