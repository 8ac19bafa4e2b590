import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createMunicipality } from '../../src/core/checklist/create';
import { localizeSummary, summarizeMunicipality } from '../../src/core/checklist/summary';
import { buildPortfolio, localizePortfolio } from '../../src/core/portfolio';
import { implementationStage } from '../../src/core/scoring/stage';
import { applyEdit } from '../../src/core/checklist/edits';
import { localizeFile, localizePack, missingEnglish } from '../../src/core/pack/english';
import { parsePack, type PackFile } from '../../src/core/pack/parse-pack';
import { applyPackUpdate, computePackUpdate } from '../../src/core/pack-update';
import { buildPlan, planOptionsSchema, planToHtml, planToMarkdown } from '../../src/core/plan';
import { migrate } from '../../src/core/schema/migrations';
import { CURRENT_SCHEMA_VERSION, municipalityFileSchema, type MunicipalityFile } from '../../src/core/schema/municipality';
import type { Pack } from '../../src/core/schema/pack';
import { validateMunicipality } from '../../src/core/schema/validate-municipality';
import { bundledPack, bundledPackFiles, fixedEnv, withoutEnglish } from '../helpers/packs';
import { fixedSample, SAMPLE_TODAY } from '../helpers/sample';

const INTRO_DA = 'Kommunen skal fastlægge, hvad den vil opnå med metoden.';
const INTRO_EN = 'The municipality has to decide what it wants to achieve with the method.';

let pack: Pack;
let file: MunicipalityFile;
beforeAll(async () => {
  pack = await bundledPack('familieraadslagning');
  file = createMunicipality(pack, 'Vejle Kommune', fixedEnv());
});

const item = (f: MunicipalityFile, id: string) => f.items.find((i) => i.id === id)!;

/** The pack's files with one of them changed, parsed. */
async function packWith(change: (f: PackFile) => PackFile): Promise<Pack> {
  const parsed = parsePack((await bundledPackFiles('familieraadslagning')).map(change));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.value;
}

describe('the English of the method content', () => {
  it("shows a milestone's intro and a year-1 step's description in English, and the Danish in Danish", () => {
    expect(item(file, 'formaal-og-maalgruppe').intro).toContain(INTRO_DA);
    const english = localizeFile(file, 'en');
    expect(item(english, 'formaal-og-maalgruppe').intro).toContain(INTRO_EN);
    expect(item(english, 'formaal-og-maalgruppe').intro).not.toContain(INTRO_DA);
    expect(item(english, 'aar-1.opstil-budget').intro).toBe('Funding for training, coordinators, premises and catering in the first year.');
    for (const i of english.items.filter((x) => x.origin === 'pack')) expect(i.intro, i.id).not.toBe(item(file, i.id).intro);
    expect(localizeFile(file, 'da')).toBe(file);
    expect(localizeFile(english, 'en')).toEqual(english);
  });

  it('keeps an intro the municipality rewrote, and the intro of its own item, as written', () => {
    let edited = applyEdit(file, { type: 'setIntro', itemId: 'lokaler', intro: 'Vi bruger medborgerhuset på Vestergade.' }, fixedEnv());
    // A pack item from a file made before intros were remembered records the pack's intro on its first rewording.
    edited = { ...edited, items: edited.items.map((i) => (i.id === 'forplejning' ? (({ packIntro: _p, ...rest }) => rest)(i) : i)) };
    edited = applyEdit(edited, { type: 'setIntro', itemId: 'forplejning', intro: 'Kantinen leverer.' }, fixedEnv());
    edited = applyEdit(edited, { type: 'addItem', title: 'Vores eget punkt', driverId: 'ledelse' }, fixedEnv());
    const own = edited.items.find((i) => i.origin === 'custom')!;
    edited = applyEdit(edited, { type: 'setIntro', itemId: own.id, intro: 'Egen tekst.' }, fixedEnv());
    expect(item(edited, 'forplejning').packIntro).toBe(item(file, 'forplejning').intro);
    const english = localizeFile(edited, 'en');
    expect(item(english, 'lokaler').intro).toBe('Vi bruger medborgerhuset på Vestergade.');
    expect(item(english, 'lokaler').title).toBe('Premises are ready for use and have the facilities needed');
    expect(item(english, 'forplejning').intro).toBe('Kantinen leverer.');
    expect(item(english, own.id).intro).toBe('Egen tekst.');
    expect(item(english, 'tovholder').intro).toMatch(/^A tovholder \(method lead\)/);
  });

  it('gives the references, the tally, the source notes and the evaluation notes in English', () => {
    const { framework } = localizeFile(file, 'en');
    const cornerstones = framework.references!.find((r) => r.id === 'hjoernesten')!;
    expect(cornerstones.title).toBe('The five cornerstones');
    expect(cornerstones.items.map((i) => i.title)).toContain('The child or young person always takes part');
    expect(framework.references!.find((r) => r.id === 'tre-trin')!.items[1]!.text).toMatch(/^The coordinator and the initiator move to a room next door/);
    expect(framework.references!.find((r) => r.id === 'erfaringsopsamling')!.items.map((i) => i.title)).toEqual(['Purpose and target group', 'Mapping the network', "The child's participation", 'Action plan and follow-up', 'Working with professionals', "The family's own evaluation"]);
    expect(framework.tally!.title).toBe('Family group conferences');
    expect(framework.tally!.caseTypes.map((c) => [c.id, c.title])).toEqual([['forebyggende', 'Preventive'], ['foer-anbringelse', 'Before placement'], ['anbragt', 'Placed in care']]);
    expect(framework.sources[0]!.note).toMatch(/^Milestones, their introductory texts and questions/);
    expect(framework.flows[0]!.description).toMatch(/^The decisions and tasks that the final report's flowchart/);
    expect(framework.evaluation!.register.find((r) => r.metric === 'plan_rate')!.note).toMatch(/^The share of 1,156 conferences/);
    expect(framework.evaluation!.items.find((i) => i.id === 'barn_hoert')!.benchmarks.map((b) => b.note)).toEqual(['All participants.', 'The children themselves.']);
    expect(framework.evaluation!.stages[0]!.description).toMatch(/^The municipality looks into the need/);
    // The file itself keeps the Danish; ids (which the counts use) stay.
    expect(file.framework.tally!.caseTypes.map((c) => c.title)).toEqual(['Forebyggende', 'Før anbringelse', 'Anbragt']);
  });

  it('gives the Metoden page the English of the pack itself', () => {
    const english = localizePack(pack, 'en');
    expect(english.references.find((r) => r.id === 'hjoernesten')!.items[0]).toMatchObject({ title: 'The extended family – the network – takes part', text: 'Not only the parents but also relatives and friends around the child are there.' });
    expect(english.milestones[0]!.intro).toContain(INTRO_EN);
    expect(english.tally!.caseTypes.map((c) => c.title)).toEqual(['Preventive', 'Before placement', 'Placed in care']);
    expect(english.sources[1]!.note).toMatch(/^The implementation wheel and its focus areas/);
  });

  it('puts the English cornerstones, tally and source notes into the English plan, and none of the Danish', async () => {
    const sample = await fixedSample();
    const context = { references: pack.references, roles: pack.roles };
    const md = planToMarkdown(buildPlan(sample, planOptionsSchema.parse({ language: 'en' }), SAMPLE_TODAY, context));
    expect(md).toContain('- **The child or young person always takes part**: The child or young person is present and has a support person from the network.');
    expect(md).toContain('**Family group conferences – ');
    expect(md).toContain('*Implementeringsvejledning – Familierådslagning*. Milestones, their introductory texts and questions; the five cornerstones and the three steps.');
    for (const danish of ['Barnet eller den unge deltager altid', 'Familierådslagninger –', 'Milepæle, indledende tekster', 'Implementeringshjulet og dets fokusområder']) expect(md).not.toContain(danish);
    const html = planToHtml(buildPlan(sample, planOptionsSchema.parse({ language: 'en' }), SAMPLE_TODAY, context));
    expect(html).toContain('The initiator approves the plan straight away');
    const danishPlan = planToMarkdown(buildPlan(sample, planOptionsSchema.parse({}), SAMPLE_TODAY, context));
    expect(danishPlan).toContain('Barnet eller den unge deltager altid');
  });
});

describe('pack check notes the texts without English', () => {
  it('names a missing intro, reference text, tally and step description, and finds none in Familierådslagning', async () => {
    expect(missingEnglish(pack).missing).toEqual([]);
    const partial = await packWith((f) => {
      if (f.path === 'milestones/11-lokaler.md') return { ...f, text: f.text.replace(/ {2}intro: \|-\n(?: {4}.*\n|\n)*/, '') };
      if (f.path !== 'pack.yml') return f;
      return {
        ...f,
        text: f.text
          .replace(/\ntally:\n {2}title: Familierådslagninger\n {2}en:\n(?: {4}.*\n)*/, '\ntally:\n  title: Familierådslagninger\n')
          .replace('          text: "The child or young person is present and has a support person from the network."\n', '')
          .replace('          description: "Funding for training, coordinators, premises and catering in the first year."\n', ''),
      };
    });
    expect(missingEnglish(partial).missing).toEqual([
      'pack.yml: flow "aar-1" step "opstil-budget" description',
      'pack.yml: reference "hjoernesten" item "barnet-deltager" text',
      'pack.yml: tally',
      'pack.yml: tally description',
      'milestones/11-lokaler.md: the intro',
    ]);
  });
});

describe('a pack update brings the English texts', () => {
  it('to a file made before, without touching an intro the municipality rewrote', async () => {
    const danish = await packWith((f) => ({ ...f, text: withoutEnglish(f.text).replace('version: 1.2.0', 'version: 1.1.0') }));
    let older = createMunicipality(danish, 'Før Kommune', fixedEnv());
    // As a schema-4 file holds it: no pack intro remembered, and no English intros.
    older = { ...older, items: older.items.map(({ packIntro: _p, ...i }) => i) };
    older = applyEdit(older, { type: 'setIntro', itemId: 'forplejning', intro: 'Kantinen leverer maden.' }, fixedEnv());
    older = applyEdit(older, { type: 'setStatus', itemId: 'lokaler', status: 'in_place' }, fixedEnv());
    expect(localizeFile(older, 'en').framework.tally!.caseTypes[0]!.title).toBe('Forebyggende');

    expect(computePackUpdate(older, pack)).toMatchObject({ fromVersion: '1.1.0', toVersion: '1.2.0', changes: [] });
    const updated = applyPackUpdate(older, pack, {});
    expect(municipalityFileSchema.safeParse(updated).success).toBe(true);
    expect(item(updated, 'lokaler')).toMatchObject({ status: 'in_place', intro: item(older, 'lokaler').intro, packIntro: item(older, 'lokaler').intro });
    expect(item(updated, 'forplejning')).toMatchObject({ intro: 'Kantinen leverer maden.', packIntro: item(file, 'forplejning').intro });
    const english = localizeFile(updated, 'en');
    expect(item(english, 'formaal-og-maalgruppe').intro).toContain(INTRO_EN);
    expect(item(english, 'aar-1.opstil-budget').intro).toBe('Funding for training, coordinators, premises and catering in the first year.');
    expect(item(english, 'forplejning').intro).toBe('Kantinen leverer maden.');
    expect(english.framework.tally!.caseTypes.map((c) => c.title)).toEqual(['Preventive', 'Before placement', 'Placed in care']);
    expect(english.framework.references!.find((r) => r.id === 'hjoernesten')!.title).toBe('The five cornerstones');
  });

  it('and a Danish intro the pack reworded reaches a municipality that kept the old one', async () => {
    const reworded = await packWith((f) => (f.path === 'pack.yml' ? { ...f, text: f.text.replace('version: 1.2.0', 'version: 1.3.0') } : f.path === 'milestones/12-forplejning.md' ? { ...f, text: f.text.replace('At deltagerne spiser sammen', 'Et fælles måltid') } : f));
    const mine = applyEdit(file, { type: 'setIntro', itemId: 'lokaler', intro: 'Vores egen tekst.' }, fixedEnv());
    const updated = applyPackUpdate(mine, reworded, {});
    expect(item(updated, 'forplejning').intro).toMatch(/^Et fælles måltid/);
    expect(item(updated, 'lokaler').intro).toBe('Vores egen tekst.');
  });
});

describe('the schema 4 → 5 migration', () => {
  it('reads a version-4 file as the current version without changing its items, once (idempotent for any intro)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.boolean(), (intro, remembered) => {
        const v4 = structuredClone({
          ...file,
          schemaVersion: 4,
          items: file.items.map(({ packIntro: _p, en, ...i }) => ({ ...i, intro, ...(remembered ? { packIntro: intro } : {}), ...(en ? { en: { title: en.title } } : {}) })),
        }) as unknown;
        const result = validateMunicipality(v4);
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        // Through 5 to the current schema (5 → 6 allows the English of principles, signs and tools).
        expect(result.value.migratedFrom).toEqual([4, 5]);
        expect(result.value.file.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
        expect(result.value.file.items.every((i) => i.intro === intro && (remembered ? i.packIntro === intro : i.packIntro === undefined))).toBe(true);
        const again = migrate(result.value.file);
        expect(again.ok && again.value).toEqual({ file: result.value.file, applied: [] });
      }),
      { numRuns: 30 },
    );
  });
});

describe('the start screen in English', () => {
  it("names the method, the drivers and the next deadline in English, and keeps a municipality's own title", () => {
    const today = '2026-01-01';
    const [first, second] = file.items.filter((i) => i.origin === 'pack');
    let dated = applyEdit(file, { type: 'setDueDate', itemId: first!.id, dueDate: '2026-02-01' }, fixedEnv());
    dated = applyEdit(dated, { type: 'setDueDate', itemId: second!.id, dueDate: '2026-03-01' }, fixedEnv());
    const summary = summarizeMunicipality(dated, today);
    expect(summary.nextDue?.title).toBe(first!.title);
    const english = localizeSummary(summary, 'en');
    expect(english.pack.title).toBe(pack.en?.title);
    expect(english.nextDue?.title).toBe(first!.en?.title);
    expect(english.drivers.map((d) => d.title)).toEqual(pack.drivers.map((d) => d.en?.title));
    const stage = implementationStage(dated, today)?.current;
    expect(stage).toBeDefined();
    expect(summary.band).toBe(stage!.title);
    expect(english.band).toBe(stage!.titleEn);
    expect(english.band).not.toBe(stage!.title);
    expect(localizeSummary(summary, 'da')).toEqual(summary);

    const renamed = summarizeMunicipality(applyEdit(dated, { type: 'setTitle', itemId: first!.id, title: 'Vores egen formulering' }, fixedEnv()), today);
    expect(localizeSummary(renamed, 'en').nextDue?.title).toBe('Vores egen formulering');
  });
});

describe('the portfolio in English', () => {
  it('names the implementation stage in English, on screen and so in its Excel export', () => {
    const portfolio = buildPortfolio(pack, [file], '2026-01-01');
    const row = portfolio.municipalities[0]!;
    expect(row.evaluation?.stage).toBeTruthy();
    const english = localizePortfolio(portfolio, 'en').municipalities[0]!;
    expect(english.evaluation?.stage).toBe(implementationStage(file, '2026-01-01')?.current.titleEn);
    expect(english.evaluation?.stage).not.toBe(row.evaluation?.stage);
  });
});

describe('the English view of a file that changes', () => {
  it('keeps every unchanged item (and the framework) the same object, so only the changed card redraws', () => {
    const before = localizeFile(file, 'en');
    const edited = applyEdit(file, { type: 'setStatus', itemId: file.items[3]!.id, status: 'in_place' }, fixedEnv());
    const after = localizeFile(edited, 'en');
    expect(after.items[3]!.status).toBe('in_place');
    expect(after.items[3]).not.toBe(before.items[3]);
    const changed = after.items.filter((entry, i) => entry !== before.items[i]).map((entry) => entry.id);
    expect(changed).toEqual([file.items[3]!.id]);
    expect(after.framework).toBe(before.framework);
    // Still English.
    expect(after.framework.drivers.map((d) => d.title)).toEqual(before.framework.drivers.map((d) => d.title));
    expect(after).toEqual(localizeFile(structuredClone(edited), 'en'));
  });
});
