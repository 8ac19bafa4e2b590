import { describe, expect, it } from 'vitest';
import { openWorkspace } from '../../src/backend/workspace';
import { engineOf } from '../../src/backend/engine/registry';
import { planOptionsSchema, PLAN_SECTIONS } from '../../src/core/plan/options';
import { testClock } from '../helpers/workspace';
import { tempFolder } from './helpers';

describe('the plan appendix "Ændringer siden sidste statusmåling"', () => {
  it('lists who changed what after the latest round, and only when the section is chosen', async () => {
    const clock = testClock('2026-11-01T09:00:00.000Z');
    const service = await openWorkspace({ location: await tempFolder(), env: clock.env, engine: { watchFolder: false }, warn: () => undefined });
    const engine = engineOf(service)!;
    const created = await service.create('Aarhus Kommune', 'familieraadslagning');
    await engine.applyEdits(created.id, [{ type: 'setStatus', itemId: 'lokaler', status: 'in_progress' }], 'Før Runden');
    await engine.applyEdits(created.id, [{ type: 'recordSnapshot', date: '2026-11-01', label: 'Styregruppemøde november' }], 'Projektleder Anne');
    clock.advance(3_600_000);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await engine.applyEdits(created.id, [{ type: 'setStatus', itemId: 'tovholder', status: 'in_place' }], 'Teamleder Jens');

    const withAppendix = new TextDecoder().decode((await service.exportPlan(created.id, 'md', planOptionsSchema.parse({}))).data);
    const appendix = withAppendix.slice(withAppendix.indexOf('Bilag: Ændringer siden sidste statusmåling'));
    expect(appendix).toContain('Teamleder Jens');
    expect(appendix).toContain('På plads');
    expect(appendix).not.toContain('Før Runden');

    const without = new TextDecoder().decode((await service.exportPlan(created.id, 'md', planOptionsSchema.parse({ sections: PLAN_SECTIONS.filter((s) => s !== 'changes') }))).data);
    expect(without).not.toContain('Ændringer siden sidste statusmåling');
    await engine.close();
  });
});
