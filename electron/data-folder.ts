import { realpath, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

async function real(folder: string): Promise<string> {
  return realpath(folder).catch(() => path.resolve(folder));
}

function within(folder: string, parent: string): boolean {
  return folder === parent || folder.startsWith(parent + path.sep);
}

/**
 * Why a chosen data folder cannot be used, in Danish, or null when it can: the app's own install
 * folder is replaced by every update (and is read-only when installed), and a folder Milepæl cannot
 * write to would only fail at the first save.
 */
export async function dataFolderProblem(folder: string, appFolders: readonly string[]): Promise<string | null> {
  const chosen = await real(folder);
  for (const own of await Promise.all(appFolders.map(real))) {
    if (within(chosen, own) || within(own, chosen))
      return 'Mappen hører til selve programmet Milepæl og bliver erstattet ved næste opdatering. Vælg en mappe til dine data, fx i Dokumenter eller på et fællesdrev.';
  }
  const probe = path.join(chosen, `.milepael-skrivetest-${process.pid}-${Date.now()}`);
  try {
    await writeFile(probe, '');
  } catch {
    return 'Milepæl kan ikke skrive i mappen. Vælg en mappe, du har skriveadgang til, eller bed om adgang.';
  }
  await rm(probe, { force: true });
  return null;
}
