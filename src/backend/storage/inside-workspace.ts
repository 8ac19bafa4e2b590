import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { errorCode } from './storage-errors';

/** The real path of `target`, or of its nearest existing ancestor joined with the missing rest. */
async function resolveExisting(target: string): Promise<string> {
  try {
    return await realpath(target);
  } catch (error) {
    const parent = path.dirname(target);
    if (errorCode(error) !== 'ENOENT' || parent === target) throw error;
    return path.join(await resolveExisting(parent), path.basename(target));
  }
}

/**
 * Whether `target` stays inside the workspace once links are followed. A link in the workspace
 * (backups/<id>, a municipality file) must not make Milepæl read or write somewhere else.
 */
export async function staysInside(root: string, target: string): Promise<boolean> {
  const [realRoot, realTarget] = await Promise.all([resolveExisting(root), resolveExisting(target)]);
  return realTarget === realRoot || realTarget.startsWith(realRoot + path.sep);
}
