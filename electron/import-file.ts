import { readFile, stat } from 'node:fs/promises';
import { MAX_IMPORT_CHARS } from '../src/api/contract';

/** A file chosen in the menu is read only within the api's limit, so the menu cannot bypass it. */
export async function readImportFile(file: string): Promise<{ ok: true; text: string } | { ok: false; message: string }> {
  const info = await stat(file);
  // UTF-8 takes at least one byte a character: a file over the limit in bytes may still fit, one far over cannot.
  if (info.size > MAX_IMPORT_CHARS * 4) return { ok: false, message: 'Filen er større end 20 MB og kan ikke importeres.' };
  const text = await readFile(file, 'utf8');
  if (text.length > MAX_IMPORT_CHARS) return { ok: false, message: 'Filen er større end 20 MB og kan ikke importeres.' };
  return { ok: true, text };
}
