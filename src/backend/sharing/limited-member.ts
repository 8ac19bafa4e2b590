import type { DocHandle } from '@automerge/automerge-repo';
import { setEntry } from '../engine/directory';
import type { MunicipalityDoc } from '../engine/document';
import type { EngineWorkspace } from '../engine/engine-workspace';
import { municipalityDocumentId } from '../engine/ids';
import { documentToFile } from '../engine/mapping';

/**
 * A member limited to some municipalities does not receive the server's directory (it names them
 * all), so their app's list is made here from the municipalities themselves. The entries stay in
 * this app's local copy: the server refuses the directory from a limited member too.
 */
export async function listOwnMunicipalities(engine: EngineWorkspace, ids: readonly string[]): Promise<void> {
  for (const id of ids) {
    if (engine.listEntries().some((entry) => entry.id === id)) continue;
    const handle = (await engine.repo.find(municipalityDocumentId(id), { allowableStates: ['ready', 'unavailable'] })) as DocHandle<MunicipalityDoc>;
    if (!handle.isReady()) continue;
    const name = (documentToFile(handle.doc()) as { name?: unknown }).name;
    if (typeof name !== 'string') continue;
    (await engine.directoryHandle()).change((d) => setEntry(d, id, name, null, ''));
  }
}
