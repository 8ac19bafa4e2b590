import { beforeAll, describe, expect, it } from 'vitest';
import { parsePack, type PackFile } from '../../src/core/pack/parse-pack';
import { packManifestSchema, type Pack } from '../../src/core/schema/pack';
import { createMunicipality } from '../../src/core/checklist/create';
import { applyEdit } from '../../src/core/checklist/edits';
import { missingPackRoles, withPackRoles } from '../../src/core/pack/roles';
import { buildPlan, planOptionsSchema, planToHtml, planToMarkdown, type PlanOptionsInput } from '../../src/core/plan';
import type { MunicipalityFile } from '../../src/core/schema/municipality';
import { EMPTY_STEERING, steeringSchema, type Steering } from '../../src/core/schema/steering';
import { bundledPack, bundledPackFiles, fixedEnv } from '../helpers/packs';

const TODAY = '2026-11-22';
const SIX = ['Projektleder', 'Implementeringsteam', 'Styregruppe', 'Tovholder', 'Samordnere', 'Informatører'];

let pack: Pack;
let fresh: MunicipalityFile;
beforeAll(async () => {
  pack = await bundledPack('familieraadslagning');
  fresh = createMunicipality(pack, 'Ny Kommune', fixedEnv());
});

const plan = (file: MunicipalityFile, options: PlanOptionsInput = {}) => buildPlan(file, planOptionsSchema.parse(options), TODAY, { references: pack.references, roles: pack.roles });
const withRoles = (file: MunicipalityFile, roles: Steering['roles']): MunicipalityFile =>
  applyEdit(file, { type: 'setSteering', steering: { ...(file.steering ?? EMPTY_STEERING), roles } }, fixedEnv());

/** The bundled pack with its manifest changed in memory. */
async function manifestEdited(change: (text: string) => string): Promise<ReturnType<typeof parsePack>> {
  const files: PackFile[] = (await bundledPackFiles('familieraadslagning')).map((f) => (f.path === 'pack.yml' ? { ...f, text: change(f.text) } : f));
  return parsePack(files);
}

const problems = (result: ReturnType<typeof parsePack>) => (result.ok ? '' : result.problems.map((p) => `${p.file}: ${p.field}: ${p.message}`).join('\n'));

describe('roles in the pack schema', () => {
  const base = { id: 'x', version: '1.0.0', title: 'X', language: 'da', sources: [{ id: 's', title: 'S', publisher: 'P' }], drivers: [{ id: 'd', title: 'D' }], phases: [{ id: 'p', title: 'P' }], maturityBands: [{ id: 'b', title: 'B', min: 0 }] };

  it('accepts roles with an English name and task, and a pack without roles', () => {
    const parsed = packManifestSchema.parse({ ...base, roles: [{ id: 'tovholder', name: 'Tovholder', task: 'Støtter kollegerne.', en: { name: 'Tovholder (method lead)', task: 'Supports colleagues.' } }] });
    expect(parsed.roles[0]?.en?.name).toBe('Tovholder (method lead)');
    expect(packManifestSchema.parse(base).roles).toEqual([]);
  });

  it('refuses a role without a task, an empty name, a misspelt key and a misspelt English key', () => {
    expect(packManifestSchema.safeParse({ ...base, roles: [{ id: 'a', name: 'A' }] }).success).toBe(false);
    expect(packManifestSchema.safeParse({ ...base, roles: [{ id: 'a', name: ' ', task: 'T' }] }).success).toBe(false);
    expect(packManifestSchema.safeParse({ ...base, roles: [{ id: 'a', navn: 'A', name: 'A', task: 'T' }] }).success).toBe(false);
    expect(packManifestSchema.safeParse({ ...base, roles: [{ id: 'a', name: 'A', task: 'T', en: { title: 'A' } }] }).success).toBe(false);
    expect(packManifestSchema.safeParse({ ...base, roles: [{ id: 'a', name: 'A', task: 'T'.repeat(501) }] }).success).toBe(false);
  });

  it('names the file and field of a broken role, and refuses two roles with one name', async () => {
    const misspelt = await manifestEdited((t) => t.replace('  - id: tovholder\n    name: Tovholder', '  - id: tovholder\n    navn: Tovholder'));
    expect(problems(misspelt)).toMatch(/pack\.yml: roles\[3\]/);
    const twice = await manifestEdited((t) => t.replace('    name: Samordnere\n', '    name: tovholder\n'));
    expect(problems(twice)).toMatch(/pack\.yml: roles\[4\]\.name: duplicate role name "tovholder"/);
  });

  it('stays valid without a roles list', async () => {
    const result = await manifestEdited((t) => t.replace(/\nroles:\n[\s\S]*?\nreferences:/, '\nreferences:'));
    expect(problems(result)).toBe('');
    expect(result.ok && result.value.roles).toEqual([]);
  });
});

describe("Familierådslagning's roles", () => {
  it('are the six roles the sources name, each with a task and English', () => {
    expect(pack.roles.map((r) => r.name)).toEqual(SIX);
    for (const role of pack.roles) {
      expect(role.task.length, role.id).toBeGreaterThan(60);
      expect(role.en?.name, role.id).toBeTruthy();
      expect(role.en?.task, role.id).toBeTruthy();
    }
    expect(pack.roles.find((r) => r.id === 'styregruppe')?.task).toMatch(/familier og unge/);
  });
});

describe("the plan's role table", () => {
  it('lists the six roles as not filled for a new municipality, also in its short plan', () => {
    const model = plan(fresh);
    expect(model.steering.nearlyEmpty).toBe(true);
    expect(model.steering.roles.map((r) => [r.role, r.holder, r.method])).toEqual(SIX.map((name) => [name, '', true]));
    const md = planToMarkdown(model);
    expect(md).toContain('### Roller og ansvar');
    for (const name of SIX) expect(md).toMatch(new RegExp(`\\| ${name} \\| \\*ikke besat\\* \\|`));
    // The short plan still leaves out the empty risk, decision and resource tables.
    expect(md).not.toContain('### Risici og barrierer');
    expect(planToHtml(model)).toContain('<em>ikke besat</em></td>');
  });

  it("shows the holder the municipality wrote for a role, in any case, then its other roles, then the owners", () => {
    const file = withRoles(fresh, [
      { id: 'r1', role: 'Økonomikonsulent', holder: 'Anne', task: 'Budget.' },
      { id: 'r2', role: ' TOVHOLDER ', holder: 'Teamleder, myndighed', task: '' },
      { id: 'r3', role: 'Samordnere', holder: '', task: 'Eget korps på 12.' },
    ]);
    const rows = plan(file).steering.roles;
    expect(rows.map((r) => r.role)).toEqual([...SIX, 'Økonomikonsulent']);
    const tovholder = rows.find((r) => r.role === 'Tovholder')!;
    expect(tovholder.holder).toBe('Teamleder, myndighed');
    expect(tovholder.task).toBe(pack.roles.find((r) => r.id === 'tovholder')!.task);
    // A row without a holder leaves the role unfilled, but a task the municipality wrote is its own and stays.
    expect(rows.find((r) => r.role === 'Samordnere')).toMatchObject({ holder: '', task: 'Eget korps på 12.' });
    const md = planToMarkdown(plan(file));
    expect(md).toContain('| Tovholder | Teamleder, myndighed |');
    expect(md).toContain('| Samordnere | *ikke besat* | Eget korps på 12. |');
    expect(md).toContain('| Økonomikonsulent | Anne | Budget. |');
    // Holding a role is something kept: the full governance section is shown.
    expect(md).toContain('### Risici og barrierer');
  });

  it('shows English role names and tasks in the English plan, and "not filled"', () => {
    const file = withRoles(fresh, [{ id: 'r1', role: 'Projektleder', holder: 'Mette', task: pack.roles[0]!.task }]);
    const rows = plan(file, { language: 'en' }).steering.roles;
    expect(rows.map((r) => r.role)).toEqual(['Project leader', 'Implementation team', 'Steering group', 'Tovholder (method lead)', 'Samordnere (coordinators)', 'Informatører (informants)']);
    expect(rows[0]).toMatchObject({ holder: 'Mette', task: pack.roles[0]!.en!.task });
    const md = planToMarkdown(plan(file, { language: 'en' }));
    expect(md).toContain('| Steering group | *not filled* |');
    expect(md).not.toContain('ikke besat');
  });

  it('is as before when the pack is not at hand', () => {
    const file = withRoles(fresh, [{ id: 'r1', role: 'Tovholder', holder: 'Ib', task: '' }]);
    const model = buildPlan(file, planOptionsSchema.parse({}), TODAY);
    expect(model.steering.roles).toEqual([{ role: 'Tovholder', holder: 'Ib', task: '', method: false }]);
    expect(planToMarkdown(model)).not.toContain('ikke besat');
  });
});

describe('"Tilføj metodens roller"', () => {
  it('adds exactly the missing roles, in the pack\'s order, with their task and no holder, through the same edit as a role row', () => {
    let n = 0;
    const newId = () => `s-${++n}`;
    const start: Steering = { ...EMPTY_STEERING, roles: [{ id: 'r1', role: 'tovholder', holder: 'Ib', task: '' }, { id: 'r2', role: 'Steering group', holder: 'Chefen', task: '' }, { id: 'r3', role: 'Økonomi', holder: '', task: '' }] };
    expect(missingPackRoles(start, pack.roles).map((r) => r.id)).toEqual(['projektleder', 'implementeringsteam', 'samordnere', 'informatoerer']);
    const next = withPackRoles(start, pack.roles, newId);
    expect(next.roles.slice(0, 3)).toEqual(start.roles);
    expect(next.roles.slice(3)).toEqual(
      ['projektleder', 'implementeringsteam', 'samordnere', 'informatoerer'].map((id, i) => {
        const role = pack.roles.find((r) => r.id === id)!;
        return { id: `s-${i + 1}`, role: role.name, holder: '', task: role.task };
      }),
    );
    // Valid as the Styring tab saves it, and applied as the one setSteering edit undo knows.
    const saved = applyEdit(withRoles(fresh, start.roles), { type: 'setSteering', steering: steeringSchema.parse(next) }, fixedEnv());
    expect(saved.steering?.roles).toHaveLength(7);
    expect(missingPackRoles(saved.steering!, pack.roles)).toEqual([]);
    expect(withPackRoles(saved.steering!, pack.roles, newId)).toBe(saved.steering);
  });
});
