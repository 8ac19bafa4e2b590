import { createHash } from 'node:crypto';
import { parseAutomergeUrl, stringifyAutomergeUrl, type BinaryDocumentId, type DocumentId } from '@automerge/automerge-repo';

/**
 * Document ids are derived from the municipality id, so there is no mapping file that several
 * processes on one shared folder could race to write, and a server can check access by id alone.
 */
function derivedId(name: string): DocumentId {
  const bytes = createHash('sha256').update(name, 'utf8').digest().subarray(0, 16);
  return parseAutomergeUrl(stringifyAutomergeUrl(new Uint8Array(bytes) as BinaryDocumentId)).documentId;
}

export function municipalityDocumentId(municipalityId: string): DocumentId {
  return derivedId(`milepael/municipality/${municipalityId}`);
}

export function directoryDocumentId(): DocumentId {
  return derivedId('milepael/directory');
}

/** The fixed actor of every document's first change: identical first changes merge as one. */
export const SEED_ACTOR = '00000000000000000000000000000001';
