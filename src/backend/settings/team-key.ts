import { chmod, mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';

/** The personal key is kept out of the settings file, which tools and support staff read freely. */
const KEY_FILE = 'team-key';

export function teamKeyPath(settingsDir: string): string {
  return path.join(settingsDir, KEY_FILE);
}

export async function readTeamKey(settingsDir: string): Promise<string | undefined> {
  const text = await readFile(teamKeyPath(settingsDir), 'utf8').catch(() => '');
  return text.trim() === '' ? undefined : text.trim();
}

/** Readable by this user only: on a shared PC other accounts must not pick up someone's key. */
export async function writeTeamKey(settingsDir: string, key: string): Promise<void> {
  await mkdir(settingsDir, { recursive: true });
  const file = teamKeyPath(settingsDir);
  // Made 0600 from the first byte (never briefly world-readable), then renamed into place.
  const temp = `${file}.${process.pid}.tmp`;
  const handle = await open(temp, 'w', 0o600);
  try {
    await handle.chmod(0o600); // open()'s mode applies only to a new file, and the umask may narrow but never widen it.
    await handle.writeFile(`${key}\n`, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temp, file);
  await chmod(file, 0o600);
}

export async function deleteTeamKey(settingsDir: string): Promise<void> {
  await rm(teamKeyPath(settingsDir), { force: true });
}

/** What the UI may show of a key: enough to recognise it, too little to use it. */
export function maskKey(key: string): string {
  const prefix = key.startsWith('mpk_') ? 'mpk_' : '';
  return `${prefix}••••••••${key.length >= 12 ? key.slice(-4) : ''}`;
}
