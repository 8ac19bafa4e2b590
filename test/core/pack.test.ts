import { describe, expect, it } from 'vitest';
import { parsePack, type PackFile } from '../../src/core/pack/parse-pack';
import { summarizePack } from '../../src/core/schema/pack';
import { createMunicipality } from '../../src/core/checklist/create';
import { localizeFile, missingEnglish } from '../../src/core/pack/english';
import { buildPortfolio, localizePortfolio } from '../../src/core/portfolio';
import { bundledPack, bundledPackFiles, withoutEnglish } from '../helpers/packs';

describe('the Familierådslagning pack', () => {
  it('has the guide\'s three drivers with 5, 3 and 9 milestones', async () => {
    const pack = await bundledPack('familieraadslagning');
    expect(pack.drivers.map((d) => d.title)).toEqual(['Ledelse', 'Kompetencer', 'Organisering']);
    const perDriver = pack.drivers.map((d) => pack.milestones.filter((m) => m.driver === d.id).length);
    expect(perDriver).toEqual([5, 3, 9]);
    expect(pack.milestones).toHaveLength(17);
  });

  it('has all 59 guiding questions, 2 to 7 per milestone, and an intro text for each milestone', async () => {
    const pack = await bundledPack('familieraadslagning');
    expect(summarizePack(pack).questions).toBe(59);
    for (const m of pack.milestones) {
      expect(m.questions.length, m.id).toBeGreaterThanOrEqual(2);
      expect(m.questions.length, m.id).toBeLessThanOrEqual(7);
      expect(m.intro.length, m.id).toBeGreaterThan(80);
    }
  });

  it('keeps the milestone titles of the guide', async () => {
    const pack = await bundledPack('familieraadslagning');
    const titles = pack.milestones.map((m) => m.title);
    expect(titles).toContain('Der er nedsat et beslutningsdygtigt implementeringsteam');
    expect(titles).toContain('Det er besluttet, hvordan kommunen vil skaffe samordnere');
    expect(titles).toContain('Der er etableret procedurer for indsamling af resultater i indsatsen');
  });

  it('has the four wheel phases in order, each with at least two focus areas and at least one milestone', async () => {
    const pack = await bundledPack('familieraadslagning');
    expect(pack.phases.map((p) => p.id)).toEqual(['mobilisering', 'organisering', 'gennemfoerelse', 'evaluering']);
    for (const phase of pack.phases) {
      expect(phase.focusAreas.length, phase.id).toBeGreaterThanOrEqual(2);
      expect(pack.milestones.some((m) => m.phase === phase.id), phase.id).toBe(true);
    }
    const phaseIds = new Set(pack.phases.map((p) => p.id));
    for (const m of pack.milestones) expect(phaseIds.has(m.phase), m.id).toBe(true);
  });

  it('has the year-1 flow in order with its dependencies, the cornerstones, the steps and cited sources', async () => {
    const pack = await bundledPack('familieraadslagning');
    const flow = pack.flows[0];
    expect(flow?.steps[0]?.title).toBe('Forvaltningsledelsen beslutter at igangsætte familierådslagning');
    expect(flow?.steps.at(-1)?.title).toMatch(/år 2/);
    expect(flow?.steps.find((s) => s.id === 'saet-i-gang')?.dependsOn).toContain('rekrutter-samordnere');
    expect(pack.references.find((r) => r.id === 'hjoernesten')?.items).toHaveLength(5);
    expect(pack.references.find((r) => r.id === 'tre-trin')?.items).toHaveLength(3);
    expect(pack.sources.map((s) => s.publisher)).toEqual(['Socialstyrelsen', 'Servicestyrelsen']);
    expect(pack.sources.find((s) => s.publisher === 'Servicestyrelsen')?.year).toBe(2008);
  });
});

describe('the Styrket familiebehandling pack', () => {
  it('has seven obligatory elements: three organisational and four professional', async () => {
    const pack = await bundledPack('styrket-familiebehandling');
    const count = (driver: string) => pack.milestones.filter((m) => m.driver === driver).length;
    expect(pack.milestones).toHaveLength(7);
    expect([count('organisatoriske'), count('faglige')]).toEqual([3, 4]);
    expect(pack.phases).toHaveLength(3);
  });
});

async function breakPack(change: (files: PackFile[]) => PackFile[]) {
  return parsePack(change(await bundledPackFiles('familieraadslagning')), 'content/familieraadslagning');
}

const editFile = (path: string, edit: (text: string) => string) => (files: PackFile[]) =>
  files.map((f) => (f.path === path ? { ...f, text: edit(f.text) } : f));

describe('a broken pack', () => {
  it('is rejected when a milestone misses a field, naming the file and the field', async () => {
    const result = await breakPack(editFile('milestones/03-implementeringsteam.md', (t) => t.replace(/^title: .*\n/m, '')));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      { file: 'content/familieraadslagning/milestones/03-implementeringsteam.md', field: 'title', message: 'missing (expected string)' },
    ]);
  });

  it('is rejected when two milestones share an id, naming both files', async () => {
    const result = await breakPack(editFile('milestones/04-information-til-ledelsen.md', (t) => t.replace(/^id: .*$/m, 'id: implementeringsteam')));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ file: 'content/familieraadslagning/milestones/04-information-til-ledelsen.md', field: 'id' });
    expect(result.problems[0]?.message).toContain('03-implementeringsteam.md');
  });

  it('is rejected when a milestone names an unknown phase, listing the known ones', async () => {
    const result = await breakPack(editFile('milestones/12-forplejning.md', (t) => t.replace(/^phase: .*$/m, 'phase: implementering')));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ file: 'content/familieraadslagning/milestones/12-forplejning.md', field: 'phase' });
    expect(result.problems[0]?.message).toContain('"implementering"');
    expect(result.problems[0]?.message).toContain('mobilisering');
  });

  it('reports a duplicate question id, a misspelt field and invalid YAML with their places', async () => {
    const dupQuestion = await breakPack(editFile('milestones/01-formaal-og-maalgruppe.md', (t) => t.replace('id: antal-sager', 'id: forandringer')));
    expect(!dupQuestion.ok && dupQuestion.problems[0]).toMatchObject({ field: 'questions[1].id' });
    const typo = await breakPack(editFile('pack.yml', (t) => t.replace('description: >-\n  Implementering', 'beskrivelse: >-\n  Implementering')));
    expect(!typo.ok && typo.problems[0]).toMatchObject({ file: 'content/familieraadslagning/pack.yml', field: '(top level)', message: 'unknown field "beskrivelse" (check the spelling)' });
    const yaml = await breakPack(editFile('milestones/02-ledelsesansvar.md', (t) => t.replace('driver: ledelse', 'driver: [ledelse')));
    expect(!yaml.ok && yaml.problems[0]?.message).toMatch(/not valid YAML/);
  });

  it('reports a flow step that depends on a later step and a band that does not start at 0', async () => {
    const order = await breakPack(editFile('pack.yml', (t) => t.replace('dependsOn: [beslut-igangsaetning]\n      - id: lav-organisation', 'dependsOn: [anbefalinger-aar-2]\n      - id: lav-organisation')));
    expect(!order.ok && order.problems[0]).toMatchObject({ field: 'flows[0].steps[1].dependsOn[0]' });
    const band = await breakPack(editFile('pack.yml', (t) => t.replace('min: 0\n', 'min: 10\n')));
    expect(!band.ok && band.problems[0]).toMatchObject({ field: 'maturityBands[0].min' });
  });

  it('is rejected without a manifest or without milestones', async () => {
    const noManifest = await breakPack((files) => files.filter((f) => f.path !== 'pack.yml'));
    expect(!noManifest.ok && noManifest.problems[0]?.file).toBe('content/familieraadslagning/pack.yml');
    const noMilestones = await breakPack((files) => files.filter((f) => f.path === 'pack.yml'));
    expect(!noMilestones.ok && noMilestones.problems[0]?.message).toMatch(/no milestone files/);
  });
});

describe('English in a pack', () => {
  it('is complete for Familierådslagning: method, drivers, phases, focus areas, bands, year-1 steps, milestones and questions', async () => {
    const pack = await bundledPack('familieraadslagning');
    expect(missingEnglish(pack).missing).toEqual([]);
    expect(pack.en?.title).toBe('Familierådslagning (family group conference)');
    expect(pack.drivers.map((d) => d.en?.title)).toEqual(['Leadership', 'Competencies', 'Organisation']);
  });

  it('gives the other packs at least their titles', async () => {
    for (const id of ['styrket-familiebehandling', 'relationel-familieraadgivning']) {
      const pack = await bundledPack(id);
      expect(pack.en, id).toBeDefined();
      for (const m of pack.milestones) expect(m.en?.title, m.id).toBeTruthy();
      for (const d of pack.drivers) expect(d.en?.title, d.id).toBeTruthy();
      for (const p of pack.phases) expect(p.en?.title, p.id).toBeTruthy();
    }
  });

  it('is optional: a pack without any still loads, and an English reader then sees its Danish names', async () => {
    const files = (await bundledPackFiles('familieraadslagning')).map((f) => ({ ...f, text: withoutEnglish(f.text) }));
    expect(files.some((f) => /^\s*en:/m.test(f.text))).toBe(false);
    const result = parsePack(files);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const { missing, total } = missingEnglish(result.value);
    expect(missing).toHaveLength(total);
    const file = createMunicipality(result.value, 'Dansk Kommune', { now: () => new Date('2026-11-22T10:00:00Z'), newId: () => 'm1' });
    expect(file.items.some((i) => i.en !== undefined)).toBe(false);
    expect(localizeFile(file, 'en').items.map((i) => i.title)).toEqual(file.items.map((i) => i.title));
    expect(localizeFile(file, 'en').framework.drivers[0]!.title).toBe('Ledelse');
  });

  it('refuses a misspelt English field, naming the file and the field', async () => {
    const files = (await bundledPackFiles('familieraadslagning')).map((f) => (f.path === 'milestones/11-lokaler.md' ? { ...f, text: f.text.replace('en:\n  title:', 'en:\n  titel:') } : f));
    const result = parsePack(files);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => `${p.file}: ${p.field}`).join('\n')).toMatch(/milestones\/11-lokaler\.md: en/);
  });

  it("heads the portfolio's columns with the English short titles in English", async () => {
    const pack = await bundledPack('familieraadslagning');
    const portfolio = buildPortfolio(pack, [], '2026-11-22');
    const english = localizePortfolio(portfolio, 'en');
    expect(english.pack.title).toBe('Familierådslagning (family group conference)');
    expect(english.drivers.map((d) => d.title)).toEqual(['Leadership', 'Competencies', 'Organisation']);
    expect(english.milestones.find((m) => m.id === 'lokaler')).toMatchObject({ shortTitle: 'Premises', title: 'Premises are ready for use and have the facilities needed' });
    expect(localizePortfolio(portfolio, 'da')).toBe(portfolio);
  });
});
