import type { Handlers } from '../../api/dispatch';
import type { WorkspaceService } from '../service';
import { engineOf } from './registry';

type LiveHandlers = Pick<Handlers, 'municipality.live' | 'municipality.change' | 'municipality.log' | 'workspace.sharing'>;

/**
 * The shared-workspace calls. On a JSON-only workspace they still work, without versions or a
 * change log, so the UI has one way to save whichever storage the shell chose.
 */
export function liveHandlers(service: WorkspaceService): LiveHandlers {
  return {
    'municipality.live': async ({ id }) => {
      const engine = engineOf(service);
      if (!engine) {
        const { file, recovery } = await service.open(id);
        return { file, heads: [], conflicts: [], recovery };
      }
      const { recovery } = await engine.read(id);
      return { ...(await engine.live(id)), recovery: recovery ?? null };
    },
    'municipality.change': async ({ id, author, baseHeads, edits, file, settle = [] }) => {
      const engine = engineOf(service);
      if (engine) {
        const live = edits ? await engine.applyEdits(id, edits, author, baseHeads, settle) : await engine.change(id, (current) => file ?? current, author, baseHeads, settle);
        return { ...live, recovery: null };
      }
      const { file: current } = await service.open(id);
      const saved = edits ? await service.applyEdits(id, current.revision, edits) : file ? await service.save(file, current.revision) : current;
      return { file: saved, heads: [], conflicts: [], recovery: null };
    },
    'municipality.log': async ({ id, by, itemId, from, to }) => {
      const engine = engineOf(service);
      if (!engine) return [];
      return engine.changeLog(id, { ...(by === undefined ? {} : { by }), ...(itemId === undefined ? {} : { itemId }), ...(from === undefined ? {} : { from }), ...(to === undefined ? {} : { to }) });
    },
    'workspace.sharing': () => {
      const engine = engineOf(service);
      return { mode: engine?.mode ?? 'alone', engine: engine !== null, location: service.location, readOnly: false, switchable: false, fixed: false };
    },
  };
}
