import { cp, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main';
import { bundledContentDir, loadPacks } from '../../src/backend/packs/fs-packs';
import { createMunicipality } from '../../src/core/checklist/create';
import { applyEdit } from '../../src/core/checklist/edits';
import { applyPackUpdate } from '../../src/core/pack-update';
import { fidelityPercent, fidelityPoints, signReport } from '../../src/core/principles';
import { municipalityFileSchema } from '../../src/core/schema/municipality';
import { bundledPack, fixedEnv, withoutEnglish } from '../helpers/packs';

/** The principle rows of the source's "Princip for omsætning til praksis / Hvordan kan det ses?" tables (seed 003, chapter 7). */
const SOURCE_PRINCIPLES: Record<string, string[]> = {
  'sammenhaengende-indsats': ['Tværfaglige teams og tværfagligt indsatsarbejde', 'Fælles dokumentation'],
  'tilknytning-til-almenomraadet': ['Fast allokering af ressourcer fra almenområdet i familiebehandlingsindsatsen', 'Brobygning gennem "træning" af familiens involvering i almenområdet'],
  'fleksibel-arbejdstid': ['Rammer for fleksibiliteten', 'Ledelsesmæssig opmærksomhed på betydningen for medarbejdernes privatliv'],
  'faelles-metodisk-fundament': ['Aktivt valg af tilgang og fælles kompetenceudvikling', 'Anvendelse af redskaber, der understøtter det metodiske fundament'],
  'systematisk-relationsarbejde': ['Systematisk relationsarbejde'],
  flerfamilieaktiviteter: ['Kompetencer hos gruppefacilitator', 'Gruppeforløb', 'Det fælles tredje som organiserende for flerfamilieaktiviteten'],
  'involvering-af-netvaerk': [
    'Systematisk afdækning af familiens brede netværk',
    'Faglig støtte til netværket og formaliserede samarbejdsformer',
    'Involvering af netværket i såvel aktiviteter som støttende funktioner som en del af indsatsforløbet',
  ],
};

describe('the Styrket familiebehandling pack', () => {
  it('has the seven obligatory elements, each with the principles of its table and at least one observable sign per principle', async () => {
    const pack = await bundledPack('styrket-familiebehandling');
    expect(pack.milestones).toHaveLength(7);
    const principles = Object.fromEntries(pack.milestones.map((m) => [m.id, m.principles.map((p) => p.title)]));
    expect(principles).toEqual(SOURCE_PRINCIPLES);
    // The source's tables hold 15 principle rows (the issue counted 16); the Gruppeforløb row is among them.
    expect(pack.milestones.flatMap((m) => m.principles)).toHaveLength(15);
    for (const principle of pack.milestones.flatMap((m) => m.principles)) expect(principle.signs.length, principle.id).toBeGreaterThanOrEqual(1);
  });

  it('keeps only the focus areas the source names, notes resources per element and names the tools', async () => {
    const pack = await bundledPack('styrket-familiebehandling');
    expect(pack.phases.flatMap((p) => p.focusAreas.map((a) => a.id))).toEqual(['undersoegelse', 'handleplan', 'udslusning']);
    expect(pack.milestones.find((m) => m.id === 'faelles-metodisk-fundament')?.phase).toBe('indsats');
    const withResources = pack.milestones.filter((m) => m.resourceNotes.length > 0).map((m) => m.id);
    expect(withResources).toEqual(expect.arrayContaining(['sammenhaengende-indsats', 'tilknytning-til-almenomraadet', 'fleksibel-arbejdstid', 'faelles-metodisk-fundament', 'flerfamilieaktiviteter', 'involvering-af-netvaerk']));
    const tools = [...pack.milestones.flatMap((m) => m.tools.map((t) => t.name)), ...(pack.references.find((r) => r.id === 'maalingsredskaber')?.items.map((i) => i.title) ?? [])];
    for (const name of ['FIT', 'SDQ', 'SEAM', 'WHO-5 og FIT', 'Marte Meo']) expect(tools, name).toContain(name);
  });
});

describe('the Relationel Familierådgivning pack', () => {
  it('has the six principles, each with observable signs marked as our own, and the three prerequisites', async () => {
    const pack = await bundledPack('relationel-familieraadgivning');
    const principles = pack.milestones.filter((m) => m.driver === 'principper').flatMap((m) => m.principles);
    expect(principles).toHaveLength(6);
    expect(principles[5]?.title).toBe('Vi arbejder og ansvarliggør på tværs af fagligheder og sektorer');
    for (const p of principles) {
      expect(p.signs.length, p.id).toBeGreaterThanOrEqual(1);
      expect(p.signs.every((s) => s.ours === true), p.id).toBe(true);
    }
    const prerequisites = pack.milestones.filter((m) => m.driver === 'forudsaetninger').map((m) => m.id);
    expect(prerequisites).toEqual(['kompetencer', 'tid', 'sparring']);
    expect(pack.phases.every((p) => p.ours === true)).toBe(true);
  });
});

describe('every bundled pack', () => {
  it('validates, and three ship with the app', async () => {
    const { packs, problems } = await loadPacks();
    expect(problems).toEqual([]);
    expect(packs.map((p) => p.id)).toEqual(['familieraadslagning', 'relationel-familieraadgivning', 'styrket-familiebehandling']);
  });

  it('passes milepael pack check', async () => {
    for (const id of ['familieraadslagning', 'relationel-familieraadgivning', 'styrket-familiebehandling']) {
      const { code, out } = await cli('pack', 'check', path.join(bundledContentDir(), id));
      expect(code, id).toBe(0);
      expect(out).toContain(`valid pack "${id}"`);
    }
  });

  it('notes names without English, and keeps the pack valid', async () => {
    // All three bundled packs are translated in full.
    for (const id of ['familieraadslagning', 'relationel-familieraadgivning', 'styrket-familiebehandling']) {
      const complete = await cli('pack', 'check', path.join(bundledContentDir(), id));
      expect(complete.out, id).not.toContain('note:');
    }
    const partial = await cli('pack', 'check', await brokenCopy('relationel-familieraadgivning', 'milestones/08-tid.md', (t) => t.replace(/\n {4}en: \{ text: "What caseload.*/, '')));
    expect(partial.code).toBe(0);
    expect(partial.out.split('\n').filter((l) => l.startsWith('note:'))).toEqual(['note: no English: milestones/08-tid.md: question "sagstal"']);
    const none = await brokenCopy('relationel-familieraadgivning', 'pack.yml', (t) => t);
    for (const name of await readdir(path.join(none, 'milestones'))) {
      const file = path.join(none, 'milestones', name);
      await writeFile(file, withoutEnglish(await readFile(file, 'utf8')));
    }
    await writeFile(path.join(none, 'pack.yml'), withoutEnglish(await readFile(path.join(none, 'pack.yml'), 'utf8')));
    const bare = await cli('pack', 'check', none);
    expect(bare.code).toBe(0);
    expect(bare.out.split('\n').filter((l) => l.startsWith('note:'))).toEqual(['note: the pack has no English titles; the English edition shows its Danish names (optional, see docs/packs.md)']);
  });
});

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function brokenCopy(id: string, file: string, edit: (text: string) => string): Promise<string> {
  const dir = path.join(await mkdtemp(path.join(tmpdir(), 'milepael-pack-')), id);
  await cp(path.join(bundledContentDir(), id), dir, { recursive: true });
  const target = path.join(dir, file);
  await writeFile(target, edit(await readFile(target, 'utf8')));
  return dir;
}

describe('milepael pack check on a broken pack', () => {
  it('refuses a principle without observable signs, naming the file and the field', async () => {
    const dir = await brokenCopy('styrket-familiebehandling', 'milestones/05-systematisk-relationsarbejde.md', (t) => t.replace(/ {4}signs:\n(?: {6}- id: .*\n {8}text: .*\n(?: {8}en: .*\n)?)+/, '    signs: []\n'));
    const { code, err } = await cli('pack', 'check', dir);
    expect(code).toBe(1);
    expect(err).toContain(`${dir}/milestones/05-systematisk-relationsarbejde.md: principles[0].signs: a principle needs at least one observable sign`);
  });

  it('refuses an unknown phase, naming the file, the field and the known phases', async () => {
    const dir = await brokenCopy('relationel-familieraadgivning', 'milestones/08-tid.md', (t) => t.replace('phase: rammer', 'phase: drift'));
    const { code, err } = await cli('pack', 'check', dir);
    expect(code).toBe(1);
    expect(err).toContain(`${dir}/milestones/08-tid.md: phase: unknown phase "drift"; known: rammer, praksis`);
  });

  it('lists every problem at once: a sign without text in one file and an unknown focus area in another', async () => {
    const dir = await brokenCopy('styrket-familiebehandling', 'milestones/01-sammenhaengende-indsats.md', (t) => t.replace(/text: Der er nedsat faste tværfaglige teams.*/, 'text: ""'));
    const other = path.join(dir, 'milestones/02-tilknytning-til-almenomraadet.md');
    await writeFile(other, (await readFile(other, 'utf8')).replace('focusAreas: [udslusning]', 'focusAreas: [relation]'));
    const { code, err } = await cli('pack', 'check', dir);
    expect(code).toBe(1);
    expect(err).toContain('01-sammenhaengende-indsats.md: principles[0].signs[0].text: must not be empty');
    expect(err).toContain('02-tilknytning-til-almenomraadet.md: focusAreas[0]: unknown focus area "relation"');
    expect(err).toContain('2 problems');
  });

  it('says what to do when the folder does not exist or no folder is named', async () => {
    expect((await cli('pack', 'check', '/no/such/folder')).err).toMatch(/is not a folder; name the folder that holds pack.yml/);
    const usage = await cli('pack', 'check');
    expect(usage.code).toBe(2);
    expect(usage.err).toMatch(/name the pack folder to check/);
  });
});

describe('observable signs and the fidelity checklist in a municipality file', () => {
  it('ticking a sign raises the principle coverage of its element and driver, and the file stays valid', async () => {
    const env = fixedEnv();
    const file = createMunicipality(await bundledPack('styrket-familiebehandling'), 'Testkommune', env);
    const before = signReport(file)!;
    expect(before.overall).toMatchObject({ seen: 0, total: 41, percent: 0 });
    const after = applyEdit(applyEdit(file, { type: 'setSign', itemId: 'systematisk-relationsarbejde', principleId: 'systematisk-relationsarbejde', signId: 'feedback', seen: true }, env), { type: 'setSign', itemId: 'systematisk-relationsarbejde', principleId: 'systematisk-relationsarbejde', signId: 'match', comment: 'Vi bruger FIT fra januar' }, env);
    const report = signReport(after)!;
    expect(report.overall.seen).toBe(1);
    expect(report.items.find((i) => i.id === 'systematisk-relationsarbejde')?.percent).toBeCloseTo(100 / 3, 10);
    expect(report.drivers.find((d) => d.id === 'faglige')?.seen).toBe(1);
    expect(report.drivers.find((d) => d.id === 'organisatoriske')?.seen).toBe(0);
    expect(municipalityFileSchema.safeParse(after).success).toBe(true);
    expect(() => applyEdit(file, { type: 'setSign', itemId: 'systematisk-relationsarbejde', principleId: 'systematisk-relationsarbejde', signId: 'findes-ikke', seen: true }, env)).toThrow(/no observable sign/);
  });

  it('keeps ticks and comments through a pack update', async () => {
    const env = fixedEnv();
    const pack = await bundledPack('styrket-familiebehandling');
    const ticked = applyEdit(createMunicipality(pack, 'Testkommune', env), { type: 'setSign', itemId: 'flerfamilieaktiviteter', principleId: 'gruppeforloeb', signId: 'sammensaetning', seen: true, comment: 'Faste hold fra marts' }, env);
    const updated = applyPackUpdate(ticked, { ...pack, version: '2.3.0' }, {});
    const sign = updated.items.find((i) => i.id === 'flerfamilieaktiviteter')?.principles?.find((p) => p.id === 'gruppeforloeb')?.signs.find((s) => s.id === 'sammensaetning');
    expect(sign).toMatchObject({ seen: true, comment: 'Faste hold fra marts' });
  });

  it('brings the principles into a file made from the pack before it had them, on pack update', async () => {
    const env = fixedEnv();
    const pack = await bundledPack('styrket-familiebehandling');
    const older = { ...pack, version: '1.0.0', references: [], milestones: pack.milestones.map((m) => ({ ...m, principles: [], resourceNotes: [], tools: [] })) };
    const file = createMunicipality(older, 'Testkommune', env);
    expect(signReport(file)).toBeNull();
    const updated = applyPackUpdate(file, pack, {});
    expect(signReport(updated)?.overall.total).toBe(41);
    expect(updated.items.find((i) => i.id === 'faelles-metodisk-fundament')?.tools?.map((t) => t.name)).toContain('Marte Meo');
    expect(municipalityFileSchema.safeParse(updated).success).toBe(true);
  });

  it('has the five cornerstones as the Familierådslagning fidelity checklist, counted per period', async () => {
    const env = fixedEnv();
    const file = createMunicipality(await bundledPack('familieraadslagning'), 'Testkommune', env);
    expect(fidelityPoints(file).map((p) => p.id)).toEqual(['netvaerket-deltager', 'plan-uden-fagpersoner', 'samordner-faciliterer', 'planen-vedtages', 'barnet-deltager']);
    const withRound = applyEdit(file, { type: 'setFidelityRound', period: '1. halvår 2026', reviewed: 8, met: [{ pointId: 'barnet-deltager', count: 6 }] }, env);
    const round = withRound.fidelity!.rounds[0]!;
    expect(fidelityPercent(round, 'barnet-deltager')).toBe(75);
    expect(fidelityPercent(round, 'netvaerket-deltager')).toBe(0);
    expect(municipalityFileSchema.safeParse(withRound).success).toBe(true);
    expect(() => applyEdit(file, { type: 'setFidelityRound', period: '2026', reviewed: 2, met: [{ pointId: 'barnet-deltager', count: 3 }] }, env)).toThrow(/more than the 2 conferences/);
  });
});
