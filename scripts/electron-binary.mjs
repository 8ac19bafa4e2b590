import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The Electron program, if it is installed. Never `require('electron')`: in Electron 45 that
 * starts a download, which these machines cannot do.
 * @returns {{ path: string } | { missing: string }}
 */
export function findElectronBinary() {
  const pkg = path.join(root, 'node_modules', 'electron');
  const pathFile = path.join(pkg, 'path.txt');
  if (!existsSync(pkg)) return { missing: 'the electron package is not installed' };
  if (!existsSync(pathFile)) return { missing: "Electron's program was not downloaded (no internet access to its release server)" };
  const binary = path.join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? { path: binary } : { missing: `Electron's program is missing at ${binary}` };
}
