import type { Status } from '../../core/schema/common';

export interface FlowStepInput {
  id: string;
  status: Status;
  dependsOn: readonly string[];
}

/**
 * done: in place, and nothing it builds on is still untouched.
 * outOfOrder: marked in place while a step it builds on has not started (the method's order says otherwise).
 * inProgress: marked in progress (its own status comes first, even when a step it builds on is not finished).
 * notRelevant: marked not relevant.
 * ready: not started, and everything it builds on is in place (or not relevant).
 * waiting: not started, and something it builds on is not yet in place.
 */
export type FlowState = 'done' | 'outOfOrder' | 'inProgress' | 'notRelevant' | 'ready' | 'waiting';

export interface FlowNode {
  id: string;
  state: FlowState;
  /** Row in the flowchart: 0 for steps that build on nothing, else one below the deepest step they build on. */
  layer: number;
  /** Steps this one waits for (not yet in place or not relevant). */
  waitingFor: string[];
  /** Steps this one is ahead of: it is in place, they have not started. */
  aheadOf: string[];
}

export interface FlowLayout {
  nodes: FlowNode[];
  /** The rows, top to bottom, each in the order that keeps arrows short. */
  layers: string[][];
  /** One per dependency between steps of this flow: from the earlier step to the one that builds on it. */
  edges: Array<{ from: string; to: string }>;
}

const finished = (s: Status) => s === 'in_place' || s === 'not_relevant';

/** Where each year-1 step goes in the flowchart and what state it is in. Pure: no DOM, no clock. */
export function layoutFlow(steps: readonly FlowStepInput[]): FlowLayout {
  const byId = new Map(steps.map((s) => [s.id, s]));
  const order = new Map(steps.map((s, n) => [s.id, n]));
  const deps = (s: FlowStepInput) => s.dependsOn.filter((d) => byId.has(d) && d !== s.id);
  const layer = new Map<string, number>();
  // Depth by longest path; a cycle (a broken pack) is cut where it is met, so layout always ends.
  const visit = (id: string, path: Set<string>): number => {
    const known = layer.get(id);
    if (known !== undefined) return known;
    path.add(id);
    const parents = deps(byId.get(id)!).filter((d) => !path.has(d));
    const depth = parents.length === 0 ? 0 : 1 + Math.max(...parents.map((d) => visit(d, path)));
    path.delete(id);
    layer.set(id, depth);
    return depth;
  };
  for (const s of steps) visit(s.id, new Set());

  const layers: string[][] = [];
  for (const s of steps) (layers[layer.get(s.id)!] ??= []).push(s.id);
  // Order each row by where its parents sit in the row above (barycentre), so arrows cross less.
  const position = new Map<string, number>();
  layers.forEach((row, r) => {
    if (r > 0) {
      const centre = (id: string) => {
        const ps = deps(byId.get(id)!).map((d) => position.get(d)).filter((p): p is number => p !== undefined);
        return ps.length === 0 ? Number.MAX_SAFE_INTEGER : ps.reduce((a, b) => a + b, 0) / ps.length;
      };
      row.sort((a, b) => centre(a) - centre(b) || order.get(a)! - order.get(b)!);
    }
    row.forEach((id, n) => position.set(id, n / Math.max(row.length, 1)));
  });

  const nodes = steps.map((s): FlowNode => {
    const parents = deps(s).map((d) => byId.get(d)!);
    const waitingFor = parents.filter((p) => !finished(p.status)).map((p) => p.id);
    const aheadOf = s.status === 'in_place' ? parents.filter((p) => p.status === 'not_started').map((p) => p.id) : [];
    const state: FlowState =
      s.status === 'in_place' ? (aheadOf.length > 0 ? 'outOfOrder' : 'done') : s.status === 'in_progress' ? 'inProgress' : s.status === 'not_relevant' ? 'notRelevant' : waitingFor.length > 0 ? 'waiting' : 'ready';
    return { id: s.id, state, layer: layer.get(s.id)!, waitingFor, aheadOf };
  });
  const edges = steps.flatMap((s) => deps(s).map((from) => ({ from, to: s.id })));
  return { nodes, layers: layers.filter((row) => row !== undefined), edges };
}
