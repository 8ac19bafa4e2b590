import type { DocHandle } from '@automerge/automerge-repo';
import type { Handlers } from '../../api/dispatch';
import { municipalityDocumentId } from '../engine/ids';
import { engineOf } from '../engine/registry';
import type { WorkspaceService } from '../service';
import { joinPresence, type MunicipalityPresence } from './presence';

/** A screen that stops asking (closed, crashed) is taken off the others' lists after this long. */
const IDLE_MS = 20_000;

interface Open {
  presence: MunicipalityPresence;
  name: string;
  lastAsked: number;
}

/**
 * `municipality.presence`: the app announces itself on a municipality while its screen keeps
 * asking, and hears who else has it open. Only on a team server; alone and on a shared folder
 * there is nobody to hear, so the answer is empty.
 */
export function presenceHandlers(service: WorkspaceService, now: () => number = Date.now): Pick<Handlers, 'municipality.presence'> {
  const open = new Map<string, Open>();
  const sweep = setInterval(() => {
    for (const [id, entry] of open) {
      if (now() - entry.lastAsked < IDLE_MS) continue;
      entry.presence.stop();
      open.delete(id);
    }
  }, IDLE_MS / 2);
  sweep.unref();

  return {
    'municipality.presence': async ({ id, name }) => {
      const engine = engineOf(service);
      if (!engine || engine.mode !== 'server') return { names: [] };
      let entry = open.get(id);
      if (entry && entry.name !== name) {
        entry.presence.stop();
        entry = undefined;
      }
      if (!entry) {
        const handle = (await engine.repo.find(municipalityDocumentId(id))) as DocHandle<unknown>;
        entry = { presence: joinPresence(handle, name), name, lastAsked: now() };
        open.set(id, entry);
      }
      entry.lastAsked = now();
      return { names: entry.presence.others().filter((other) => other !== name) };
    },
  };
}
