import { readFile } from 'node:fs/promises';

export type ReadText = { ok: true; text: string } | { ok: false; message: string };

/** Reads a file the user named, turning the usual failures into words they recognise. */
export async function readText(file: string): Promise<ReadText> {
  try {
    return { ok: true, text: await readFile(file, 'utf8') };
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : '';
    const message =
      code === 'ENOENT' ? `${file}: no such file` : code === 'EISDIR' ? `${file}: is a folder, expected a municipality file` : `${file}: cannot be read (${code || String(error)})`;
    return { ok: false, message };
  }
}
