import { describe, expect, it } from 'vitest';
import { parsePack } from '../../src/core/pack/parse-pack';
import { bundledPack, bundledPackFiles } from '../helpers/packs';

describe('evaluation.yml in a pack folder', () => {
  it('brings the Familierådslagning items, groups, benchmarks with their source and four NIRN stages', async () => {
    const pack = await bundledPack('familieraadslagning');
    const evaluation = pack.evaluation!;
    expect(evaluation.items.map((i) => i.id)).toEqual(expect.arrayContaining(['tilfreds_plan', 'barn_hoert', 'egen_inddragelse', 'rigtige_spoergsmaal', 'privat_tid', 'tilfreds_samlet']));
    expect(evaluation.groups.map((g) => g.id)).toEqual(['barn', 'foraelder', 'netvaerk', 'raadgiver', 'samordner']);
    const heard = evaluation.items.find((i) => i.id === 'barn_hoert')!;
    expect(heard.benchmarks).toEqual([expect.objectContaining({ positive: 86.4, source: 'uc-syd-esbjerg' }), expect.objectContaining({ group: 'barn', positive: 91.8 })]);
    expect(evaluation.sources.find((s) => s.id === 'uc-syd-esbjerg')?.publisher).toBe('UC SYD');
    expect(evaluation.stages.map((s) => s.titleEn)).toEqual(['Exploration', 'Installation', 'Initial implementation', 'Full implementation']);
    expect((await bundledPack('styrket-familiebehandling')).evaluation?.items).toEqual([]);
  });

  it('names the file and field of a mistake, and a pack without the file has no evaluation', async () => {
    const files = await bundledPackFiles('familieraadslagning');
    const plain = parsePack(files, 'fr');
    expect(plain.ok && plain.value.evaluation).toBeUndefined();
    const broken = parsePack([...files, { path: 'evaluation.yml', text: 'stages:\n  - id: x\n    title: X\n    titleEn: X\n    requires:\n      inPlace:\n        drivers: [ledelsen]\n' }], 'fr');
    expect(broken).toMatchObject({ ok: false, problems: [{ file: 'fr/evaluation.yml', field: 'stages[0].requires.inPlace.drivers[0]', message: expect.stringContaining('unknown driver "ledelsen"') }] });
    const yaml = parsePack([...files, { path: 'evaluation.yml', text: 'items: [\n' }], 'fr');
    expect(yaml).toMatchObject({ ok: false, problems: [{ file: 'fr/evaluation.yml' }] });
  });
});
