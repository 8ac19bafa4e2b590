import { beforeAll, describe, expect, it } from 'vitest';
import { applyEdit, type ChecklistEdit } from '../../src/core/checklist/edits';
import { parsePack, type PackFile } from '../../src/core/pack/parse-pack';
import { applyPackUpdate, computePackUpdate, isNewerVersion } from '../../src/core/pack-update';
import { municipalityFileSchema, type MunicipalityFile } from '../../src/core/schema/municipality';
import type { Pack } from '../../src/core/schema/pack';
import { scoreMunicipality } from '../../src/core/scoring/score';
import { bundledPack, bundledPackFiles, withoutEnglish } from '../helpers/packs';
import { createMunicipality } from '../../src/core/checklist/create';
import { localizeFile } from '../../src/core/pack/english';
import { fixedSample } from '../helpers/sample';

const env = { now: () => new Date('2026-11-22T10:00:00Z'), newId: () => 'u1' };
let revised: Pack;
let municipality: MunicipalityFile;

/** A revised guide: rewordings, a removed and an added milestone, changed questions. */
async function revisedPack(): Promise<Pack> {
  const edits: Record<string, (t: string) => string> = {
    'pack.yml': (t) => t.replace('version: 1.2.0', 'version: 1.3.0'),
    'milestones/11-lokaler.md': (t) => t.replace('title: Lokaler er klar til brug og har de nødvendige faciliteter', 'title: Neutrale lokaler er klar til brug og har de nødvendige faciliteter'),
    'milestones/07-tovholder.md': (t) => t.replace('title: En medarbejder er udvalgt til at være tovholder i organisationen', 'title: En eller flere tovholdere er udvalgt i organisationen'),
    'milestones/10-type-sager.md': (t) => t.replace('text: Skal metoden bruges forebyggende?', 'text: Skal metoden bruges forebyggende, og i hvilke sager?').replace(/ {2}- id: hvem-indstiller\n {4}text: .*\n( {4}en: .*\n)?/, ''),
    'milestones/14-samordnere.md': (t) => t.replace('---\nEn uafhængig', '---\nEn uafhængig').replace('questions:\n', 'questions:\n  - id: kvalitet\n    text: Hvordan sikres kvaliteten af samordnernes arbejde?\n'),
  };
  let files: PackFile[] = (await bundledPackFiles('familieraadslagning')).map((f) => (edits[f.path] ? { ...f, text: edits[f.path]!(f.text) } : f));
  files = files.filter((f) => f.path !== 'milestones/12-forplejning.md' && f.path !== 'milestones/17-indsamling-af-resultater.md');
  files.push({
    path: 'milestones/18-digital-deltagelse.md',
    text: '---\nid: digital-deltagelse\ntitle: Der er taget stilling til digital deltagelse i familierådslagningen\ndriver: organisering\nphase: organisering\nquestions:\n  - id: hvornaar\n    text: Hvornår kan netværket deltage digitalt?\n---\nNogle i netværket bor langt væk.\n',
  });
  const result = parsePack(files);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

beforeAll(async () => {
  revised = await revisedPack();
  let file = await fixedSample();
  const edits: ChecklistEdit[] = [
    { type: 'setTitle', itemId: 'tovholder', title: 'Vores tovholder er Mette' },
    { type: 'editQuestion', itemId: 'type-sager', questionId: 'forebyggende', text: 'Bruger vi metoden forebyggende?' },
    { type: 'answerQuestion', itemId: 'type-sager', questionId: 'hvem-indstiller', answer: 'Kun sagsbehandleren' },
    // Untouched by the municipality, so the update may simply drop it.
    { type: 'setDueDate', itemId: 'indsamling-af-resultater', dueDate: null },
  ];
  for (const edit of edits) file = applyEdit(file, edit, env);
  municipality = file;
});

describe('a pack update', () => {
  it('is offered only for a newer version of the same pack', () => {
    expect(isNewerVersion('1.10.0', '1.9.3')).toBe(true);
    expect(isNewerVersion('1.0.0', '1.0.0')).toBe(false);
    expect(computePackUpdate(municipality, { ...revised, version: '1.0.0' })).toBeNull();
    expect(computePackUpdate(municipality, { ...revised, id: 'andet' })).toBeNull();
  });

  it('lists added, removed and reworded milestones and questions, and marks where both sides reworded', () => {
    const update = computePackUpdate(municipality, revised)!;
    expect(update).toMatchObject({ fromVersion: '1.2.0', toVersion: '1.3.0' });
    const summary = update.changes.map((c) => `${c.kind}:${c.itemId}${'conflict' in c && c.conflict ? ':conflict' : ''}${'keptAsCustom' in c && c.keptAsCustom ? ':kept' : ''}`);
    expect(summary.sort()).toEqual(
      [
        'item_added:digital-deltagelse',
        'item_removed:forplejning:kept',
        'item_removed:indsamling-af-resultater',
        'title_changed:lokaler',
        'title_changed:tovholder:conflict',
        'question_changed:type-sager:conflict',
        'question_removed:type-sager:kept',
        'question_added:samordnere',
      ].sort(),
    );
  });

  it('refuses to apply until every conflict has a choice', () => {
    expect(() => applyPackUpdate(municipality, revised, { 'title:tovholder': 'mine' })).toThrow(/choose which wording to keep for 1 conflicting change/);
  });

  it('keeps statuses, answers, notes and history, and follows the choices', () => {
    const updated = applyPackUpdate(municipality, revised, { 'title:tovholder': 'mine', 'qtext:type-sager:forebyggende': 'theirs' });
    expect(municipalityFileSchema.safeParse(updated).success).toBe(true);
    expect(updated.pack.version).toBe('1.3.0');
    const byId = (id: string) => updated.items.find((i) => i.id === id);
    expect(byId('tovholder')).toMatchObject({ title: 'Vores tovholder er Mette', packTitle: 'En eller flere tovholdere er udvalgt i organisationen', status: 'in_progress', owner: 'Teamleder, myndighed' });
    expect(byId('lokaler')).toMatchObject({ title: 'Neutrale lokaler er klar til brug og har de nødvendige faciliteter', status: 'in_place' });
    const typeSager = byId('type-sager')!;
    expect(typeSager.questions.find((q) => q.id === 'forebyggende')).toMatchObject({ text: 'Skal metoden bruges forebyggende, og i hvilke sager?', answer: 'Ja, i forebyggende sager og før anbringelse.' });
    expect(typeSager.questions.find((q) => q.id === 'hvem-indstiller')).toMatchObject({ origin: 'custom', answer: 'Kun sagsbehandleren' });
    expect(byId('forplejning')).toMatchObject({ origin: 'custom', status: 'in_place', notes: 'Ca. 75 kr. pr. kuvert.' });
    expect(byId('indsamling-af-resultater')).toBeUndefined();
    expect(byId('digital-deltagelse')).toMatchObject({ status: 'not_started', driverId: 'organisering' });
    expect(byId('samordnere')!.questions.map((q) => q.id)).toContain('kvalitet');
    expect(updated.assessment).toEqual(municipality.assessment);
    expect(updated.conferences).toEqual(municipality.conferences);
    const index = updated.items.findIndex((i) => i.id === 'digital-deltagelse');
    expect(updated.items[index - 1]?.driverId).toBe('organisering');
    expect(scoreMunicipality(updated).overall.percent).not.toBeNull();
  });

  it('takes the new wording when the municipality chooses it, and is done after one update', () => {
    const updated = applyPackUpdate(municipality, revised, { 'title:tovholder': 'theirs', 'qtext:type-sager:forebyggende': 'mine' });
    expect(updated.items.find((i) => i.id === 'tovholder')!.title).toBe('En eller flere tovholdere er udvalgt i organisationen');
    expect(updated.items.find((i) => i.id === 'type-sager')!.questions.find((q) => q.id === 'forebyggende')!.text).toBe('Bruger vi metoden forebyggende?');
    expect(computePackUpdate(updated, revised)).toBeNull();
  });
});

describe('a pack update that adds English', () => {
  it('brings the English names to a file made before, with nothing to choose and nothing of the municipality changed', async () => {
    const current = await bundledPack('familieraadslagning');
    const files = (await bundledPackFiles('familieraadslagning')).map((f) => ({ ...f, text: withoutEnglish(f.text).replace('version: 1.2.0', 'version: 1.0.0') }));
    const parsed = parsePack(files);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    let older = createMunicipality(parsed.value, 'Før Kommune', env);
    older = applyEdit(older, { type: 'setTitle', itemId: 'lokaler', title: 'Lokalerne på Vestergade' }, env);
    older = applyEdit(older, { type: 'setStatus', itemId: 'tovholder', status: 'in_place' }, env);
    const update = computePackUpdate(older, current)!;
    expect(update).toMatchObject({ fromVersion: '1.0.0', toVersion: '1.2.0', changes: [] });
    const updated = applyPackUpdate(older, current, {});
    expect(municipalityFileSchema.safeParse(updated).success).toBe(true);
    expect(updated.pack.en?.title).toBe('Familierådslagning (family group conference)');
    expect(updated.items.map((i) => i.title)).toEqual(older.items.map((i) => i.title));
    expect(updated.items.find((i) => i.id === 'tovholder')).toMatchObject({ status: 'in_place', en: { title: "A staff member has been chosen as the organisation's tovholder (method lead)" } });
    const english = localizeFile(updated, 'en');
    expect(english.items.find((i) => i.id === 'tovholder')!.title).toBe("A staff member has been chosen as the organisation's tovholder (method lead)");
    expect(english.items.find((i) => i.id === 'lokaler')!.title).toBe('Lokalerne på Vestergade');
    expect(english.framework.phases.map((p) => p.title)).toEqual(['Mobilisation', 'Organisation', 'Delivery', 'Evaluation']);
  });
});
