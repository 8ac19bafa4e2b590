import { BackendError } from '../errors';

/** Filesystem refusals the user can do something about, in words (Danish first, English second). */
const PLAIN_WORDS: Record<string, string> = {
  ENOSPC: 'Disken er fuld, så Milepæl kunne ikke gemme. Frigør plads, og prøv igen. (The disk is full.)',
  EDQUOT: 'Din plads på drevet er brugt op, så Milepæl kunne ikke gemme. Frigør plads, og prøv igen. (The disk quota is used up.)',
  EROFS: 'Mappen er skrivebeskyttet, så Milepæl kan kun læse her. Vælg en anden arbejdsmappe, eller bed om skriveadgang. (The folder is read-only.)',
  EACCES: 'Du har ikke adgang til at skrive i arbejdsmappen. Bed om skriveadgang, eller vælg en anden mappe. (No permission to write in the workspace.)',
  EPERM: 'Du har ikke adgang til at skrive i arbejdsmappen. Bed om skriveadgang, eller vælg en anden mappe. (No permission to write in the workspace.)',
};

export function errorCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

/**
 * A full disk or a read-only share is not a bug in Milepæl: it becomes a `storage` error the
 * user can act on. Anything else passes through unchanged.
 */
export function asStorageError(error: unknown): unknown {
  if (error instanceof BackendError) return error;
  const code = errorCode(error);
  const words = code === undefined ? undefined : PLAIN_WORDS[code];
  return words === undefined ? error : new BackendError('storage', `${words} [${code}]`);
}
