import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STATUSES } from '../../src/core/schema/common';
import { layoutFlow, type FlowStepInput } from '../../src/ui/charts/flow-layout';

const step = (id: string, status: FlowStepInput['status'], dependsOn: string[] = []): FlowStepInput => ({ id, status, dependsOn });

describe('year-1 flowchart layout', () => {
  it('puts a step one row below the deepest step it builds on', () => {
    const layout = layoutFlow([step('a', 'in_place'), step('b', 'in_place', ['a']), step('c', 'not_started', ['a']), step('d', 'not_started', ['b', 'c'])]);
    expect(layout.layers).toEqual([['a'], ['b', 'c'], ['d']]);
    expect(layout.edges).toEqual([
      { from: 'a', to: 'b' },
      { from: 'a', to: 'c' },
      { from: 'b', to: 'd' },
      { from: 'c', to: 'd' },
    ]);
  });

  it('says done, ready and waiting from the steps a step builds on', () => {
    const { nodes } = layoutFlow([step('a', 'in_place'), step('b', 'not_started', ['a']), step('c', 'not_started', ['b']), step('d', 'not_started', ['x-not-in-flow'])]);
    expect(nodes.map((n) => [n.id, n.state])).toEqual([
      ['a', 'done'],
      ['b', 'ready'],
      ['c', 'waiting'],
      ['d', 'ready'],
    ]);
    expect(nodes[2]!.waitingFor).toEqual(['b']);
  });

  it("shows a step's own status when it is in progress or not relevant, also while a step it builds on is unfinished", () => {
    const { nodes } = layoutFlow([step('a', 'not_started'), step('b', 'in_progress', ['a']), step('c', 'in_progress'), step('d', 'not_relevant', ['a'])]);
    expect(nodes.map((n) => [n.id, n.state])).toEqual([
      ['a', 'ready'],
      ['b', 'inProgress'],
      ['c', 'inProgress'],
      ['d', 'notRelevant'],
    ]);
    expect(nodes[1]!.waitingFor).toEqual(['a']);
  });

  it('marks a step done out of order when a step it builds on has not started', () => {
    const { nodes } = layoutFlow([step('a', 'not_started'), step('b', 'in_place', ['a']), step('c', 'in_progress'), step('d', 'in_place', ['c'])]);
    expect(nodes.find((n) => n.id === 'b')).toMatchObject({ state: 'outOfOrder', aheadOf: ['a'] });
    // A step it builds on that is under way is not out of order: work often overlaps.
    expect(nodes.find((n) => n.id === 'd')).toMatchObject({ state: 'done', aheadOf: [] });
  });

  it('ends and places every step once even when a broken pack has a cycle', () => {
    const layout = layoutFlow([step('a', 'not_started', ['b']), step('b', 'not_started', ['a'])]);
    expect(layout.layers.flat().sort()).toEqual(['a', 'b']);
  });

  it('property: every step in exactly one row, every arrow points downwards, one arrow per dependency', () => {
    const flows = fc.integer({ min: 1, max: 25 }).chain((n) =>
      fc.tuple(
        ...Array.from({ length: n }, (_, i) =>
          fc.record({
            status: fc.constantFrom(...STATUSES),
            // Dependencies on earlier steps only, as a pack's flow is written.
            dependsOn: i === 0 ? fc.constant([] as number[]) : fc.uniqueArray(fc.integer({ min: 0, max: i - 1 }), { maxLength: 3 }),
          }),
        ),
      ),
    );
    fc.assert(
      fc.property(flows, (raw) => {
        const steps = raw.map((r, i) => step(`s${i}`, r.status, r.dependsOn.map((d) => `s${d}`)));
        const layout = layoutFlow(steps);
        const rows = new Map(layout.nodes.map((n) => [n.id, n.layer]));
        expect(layout.layers.flat().sort()).toEqual(steps.map((s) => s.id).sort());
        expect(layout.edges).toHaveLength(steps.reduce((sum, s) => sum + s.dependsOn.length, 0));
        for (const e of layout.edges) expect(rows.get(e.from)!).toBeLessThan(rows.get(e.to)!);
        for (const n of layout.nodes) if (n.state === 'ready') expect(n.waitingFor).toEqual([]);
      }),
    );
  });
});
