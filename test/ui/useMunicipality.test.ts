// @vitest-environment happy-dom
import path from 'node:path';
import { createElement } from 'react';
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { createApiClient } from '../../src/api/client';
import { dispatch } from '../../src/api/dispatch';
import { createHandlers } from '../../src/backend/handlers';
import { engineOf } from '../../src/backend/engine/registry';
import { openWorkspace } from '../../src/backend/workspace';
import type { WorkspaceEvent } from '../../src/ui/api';
import { setAuthor } from '../../src/ui/state/author';
import { useMunicipality, type MunicipalityState } from '../../src/ui/state/useMunicipality';
import { tempFolder } from '../engine/helpers';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A workspace on the engine and an api client that calls it in memory, with the push channel. */
async function backend() {
  const location = await tempFolder();
  const service = await openWorkspace({ location, contentDir: path.resolve('content'), engine: { watchFolder: false, mirrorDelayMs: 60_000 }, warn: () => undefined });
  const engine = engineOf(service)!;
  cleanups.push(() => engine.close());
  const handlers = createHandlers(service, { edition: 'browser', version: 'test' });
  const client = createApiClient((method, input) => dispatch(handlers, method, input, () => undefined));
  const subscribe = (listener: (event: WorkspaceEvent) => void) => engine.subscribe((e) => listener(e.type === 'municipality' ? { id: e.id } : {}));
  const { id } = await service.createSample();
  return { service, engine, client, subscribe, id };
}

function mount(make: () => MunicipalityState) {
  const result: { current: MunicipalityState | null } = { current: null };
  function Probe() {
    result.current = make();
    return null;
  }
  const root = createRoot(document.createElement('div'));
  act(() => root.render(createElement(Probe)));
  cleanups.push(() => act(() => root.unmount()));
  return result as { current: MunicipalityState };
}

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (check()) return;
    await act(() => new Promise((resolve) => setTimeout(resolve, 20)));
  }
  throw new Error(`waited in vain for: ${what}`);
}

describe('useMunicipality on the engine', { timeout: 30_000 }, () => {
  it('saves an edit by itself, with the author, without a save button', async () => {
    const { client, subscribe, id, engine } = await backend();
    setAuthor('Projektleder Anne');
    const state = mount(() => useMunicipality(client, id, subscribe));
    await until(() => state.current.file !== null, 'the municipality opens');
    const item = state.current.file!.items[0]!;
    act(() => state.current.edit({ type: 'setOwner', itemId: item.id, owner: 'Ny ejer' }));
    expect(state.current.file!.items[0]!.owner).toBe('Ny ejer');
    await until(() => state.current.saveState === 'saved', 'the edit is saved');
    expect((await engine.live(id)).file.items[0]!.owner).toBe('Ny ejer');
    const log = await engine.changeLog(id, { itemId: item.id });
    expect(log.at(-1)).toMatchObject({ by: 'Projektleder Anne', what: [expect.objectContaining({ field: 'owner', value: 'Ny ejer' })] });
  });

  it('keeps the unchanged items as they were after a save, so only the changed card redraws', async () => {
    const { client, subscribe, id } = await backend();
    const state = mount(() => useMunicipality(client, id, subscribe));
    await until(() => state.current.file !== null, 'the municipality opens');
    const before = state.current.file!.items;
    const item = before[2]!;
    act(() => state.current.edit({ type: 'setStatus', itemId: item.id, status: item.status === 'in_place' ? 'in_progress' : 'in_place' }));
    await until(() => state.current.saveState === 'saved', 'the edit is saved');
    // Wait for the backend's copy to be taken in (its answer, then the change event).
    await act(() => new Promise((resolve) => setTimeout(resolve, 300)));
    const after = state.current.file!.items;
    expect(after[2]).not.toBe(item);
    expect(after.filter((i) => i.id !== item.id).every((i) => i === before.find((b) => b.id === i.id))).toBe(true);
  });

  it("shows another window's change without a reload and keeps its own edits", async () => {
    const { client, subscribe, id } = await backend();
    setAuthor('Anne');
    const first = mount(() => useMunicipality(client, id, subscribe));
    const second = mount(() => useMunicipality(client, id, subscribe));
    await until(() => first.current.file !== null && second.current.file !== null, 'both open');
    const [one, six] = [first.current.file!.items[0]!.id, first.current.file!.items[5]!.id];
    act(() => {
      first.current.edit({ type: 'setOwner', itemId: one, owner: 'Projektleder' });
      second.current.edit({ type: 'setNotes', itemId: six, notes: 'Note fra teamet' });
    });
    await until(() => first.current.file!.items[5]!.notes === 'Note fra teamet' && second.current.file!.items[0]!.owner === 'Projektleder', 'both see both changes');
    expect(first.current.saveState).toBe('saved');
    expect(second.current.saveError).toBeNull();
  });

  it("undoes one's own step and leaves someone else's later change alone", async () => {
    const { client, subscribe, id, engine } = await backend();
    setAuthor('Anne');
    const state = mount(() => useMunicipality(client, id, subscribe));
    await until(() => state.current.file !== null, 'open');
    const item = state.current.file!.items[1]!;
    const next = item.status === 'in_place' ? 'in_progress' : 'in_place';
    act(() => state.current.edit({ type: 'setStatus', itemId: item.id, status: next }));
    await until(() => state.current.saveState === 'saved' && state.current.canUndo, 'saved');
    await engine.applyEdits(id, [{ type: 'setOwner', itemId: item.id, owner: 'Bo fra teamet' }], 'Bo');
    await until(() => state.current.file!.items[1]!.owner === 'Bo fra teamet', "Bo's change arrives");
    act(() => state.current.undo());
    await until(() => state.current.saveState === 'saved' && state.current.canRedo, 'undo saved');
    const stored = (await engine.live(id)).file.items[1]!;
    expect(stored.status).toBe(item.status);
    expect(stored.owner).toBe('Bo fra teamet');
    act(() => state.current.redo());
    await until(() => state.current.file!.items[1]!.status === next, 'redo shown');
    await until(() => state.current.saveState === 'saved', 'redo saved');
    expect((await engine.live(id)).file.items[1]!.status).toBe(next);
  });

  it('shows "also changed by" when two people set the same field at the same moment, and settles on the value chosen', async () => {
    const { client, subscribe, id } = await backend();
    setAuthor('Anne');
    const anne = mount(() => useMunicipality(client, id, subscribe));
    await until(() => anne.current.file !== null, 'open');
    const itemId = anne.current.file!.items[2]!.id;
    const heads = (await client.call('municipality.live', { id })).heads;
    act(() => anne.current.edit({ type: 'setOwner', itemId, owner: 'Anne' }));
    // Bo's app stores a change of the same field, made on the same version, before Anne's is sent.
    await client.call('municipality.change', { id, author: 'Bo', baseHeads: heads, edits: [{ type: 'setOwner', itemId, owner: 'Bo' }] });
    await until(() => anne.current.conflicts.some((c) => c.itemId === itemId && c.field === 'owner'), 'the conflict shows');
    const conflict = anne.current.conflicts.find((c) => c.itemId === itemId && c.field === 'owner')!;
    const people = [conflict.by, ...conflict.others.map((o) => o.by)].sort();
    expect(people).toEqual(['Anne', 'Bo']);
    const other = conflict.by === 'Bo' ? 'Anne' : 'Bo';
    act(() => anne.current.resolve(conflict, other));
    await until(() => anne.current.saveState === 'saved' && anne.current.conflicts.length === 0 && anne.current.file!.items[2]!.owner === other, 'settled on the chosen value');
  });
});
