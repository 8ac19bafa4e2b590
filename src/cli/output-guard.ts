import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';

/** The real path of a file, or its absolute path when it does not exist (yet). */
async function canonical(file: string): Promise<string> {
  return realpath(file).catch(() => path.resolve(file));
}

/**
 * Decides whether the CLI may write a file: never over one of its inputs (a municipality file
 * replaced by its own plan is lost work), and over any other existing file only with --force.
 */
export async function outputGuard(inputs: readonly string[], force: boolean): Promise<(target: string) => Promise<string | null>> {
  const protectedFiles = new Set(await Promise.all(inputs.map(canonical)));
  return async (target) => {
    if (protectedFiles.has(await canonical(target))) return `${target} is one of the input files; the plan must go to another file`;
    if (!force && (await stat(target).catch(() => null)) !== null) return `${target} already exists; choose another --out or add --force to overwrite`;
    return null;
  };
}
