import { describe, expect, it } from 'vitest';
import { createMunicipality } from '../../src/core/checklist/create';
import { applyEdit } from '../../src/core/checklist/edits';
import { missingEnglish } from '../../src/core/pack/english';
import { buildPlan, planOptionsSchema, planToMarkdown } from '../../src/core/plan';
import type { MunicipalityFile } from '../../src/core/schema/municipality';
import type { Pack } from '../../src/core/schema/pack';
import { bundledPack, fixedEnv } from '../helpers/packs';

const TODAY = '2026-11-22';
const OTHER_PACKS = ['styrket-familiebehandling', 'relationel-familieraadgivning'] as const;

/** A municipality on the pack that has started (so the plan is not the short one for a new municipality). */
function started(pack: Pack): MunicipalityFile {
  const env = fixedEnv();
  let file = createMunicipality(pack, 'Holbæk Kommune', env);
  for (const [n, m] of pack.milestones.entries()) {
    file = applyEdit(file, { type: 'setStatus', itemId: m.id, status: n % 2 === 0 ? 'in_progress' : 'not_started' }, env);
  }
  return applyEdit(file, { type: 'setOwner', itemId: pack.milestones[0]!.id, owner: 'Teamleder' }, env);
}

const plan = (pack: Pack, file: MunicipalityFile, language: 'da' | 'en') =>
  planToMarkdown(buildPlan(file, planOptionsSchema.parse({ language }), TODAY, { references: pack.references, roles: pack.roles }));

describe.each(OTHER_PACKS)('the English of %s', (id) => {
  it('is complete: pack check has nothing to note', async () => {
    expect(missingEnglish(await bundledPack(id)).missing).toEqual([]);
  });

  it("gives an English plan the pack's English milestone titles, questions and descriptions, and none of its Danish ones", async () => {
    const pack = await bundledPack(id);
    const file = started(pack);
    const english = plan(pack, file, 'en');
    for (const m of pack.milestones) {
      expect(english, m.id).toContain(m.en!.title);
      expect(english, m.id).not.toContain(m.title);
      // The open guiding questions.
      for (const q of m.questions) {
        expect(english, `${m.id} ${q.id}`).not.toContain(q.text);
        expect(english, `${m.id} ${q.id}`).toContain(q.en!.text);
      }
    }
    for (const d of pack.drivers) expect(english, d.id).not.toContain(d.title);
    // The phases and focus areas with their descriptions, and the notes on the sources.
    const described = pack.phases.flatMap((p) => [p, ...p.focusAreas]).filter((x) => x.description !== '');
    for (const x of described) {
      expect(english, x.id).not.toContain(x.description);
      expect(english, x.id).toContain(x.en!.description);
    }
    for (const source of pack.sources) {
      expect(english, source.id).not.toContain(source.note);
      expect(english, source.id).toContain(source.en!.note);
    }
    // The method's roles in English, none held yet.
    for (const role of pack.roles) expect(english).toContain(`| ${role.en!.name} | *not filled* |`);
    expect(english).not.toContain('ikke besat');
    // The Danish plan is as the pack writes it.
    const danish = plan(pack, file, 'da');
    for (const m of pack.milestones) expect(danish, m.id).toContain(m.title);
  });
});

describe('the roles of the other packs', () => {
  it('are the roles their sources name, each with a task in both languages', async () => {
    const styrket = await bundledPack('styrket-familiebehandling');
    expect(styrket.roles.map((r) => r.name)).toEqual(['Myndighedsrådgiver', 'Familiebehandler', 'Tværfagligt team', 'Fagprofessionelle fra almenområdet', 'Gruppefacilitator', 'Socialfaglig netværkstovholder', 'Ledelse']);
    // The source calls the network role a proposal not yet tried; the task says so.
    expect(styrket.roles.find((r) => r.id === 'netvaerkstovholder')!.task).toMatch(/ikke er afprøvet/);
    const relationel = await bundledPack('relationel-familieraadgivning');
    expect(relationel.roles.map((r) => r.name)).toEqual(['Myndighedsrådgiver', 'Ledelse', 'Samarbejdspartnere på almenområdet']);
    for (const role of [...styrket.roles, ...relationel.roles]) {
      expect(role.task.length, role.id).toBeGreaterThan(60);
      expect(role.en?.name, role.id).toBeTruthy();
      expect(role.en?.task, role.id).toBeTruthy();
      expect(role.ours, role.id).toBeUndefined();
    }
  });
});
