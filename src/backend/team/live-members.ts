import { unwatchFile, watchFile } from 'node:fs';
import { membersPath, readMembers, type Member } from './members';

export interface LiveMembers {
  current(): readonly Member[];
  /** Re-reads the file now (also done by the watcher); resolves when the new list is in effect. */
  reload(): Promise<void>;
  onChange(listener: (members: readonly Member[]) => void): void;
  close(): void;
}

/**
 * The members of a running server, re-read whenever `milepael team add/remove` rewrites the file.
 * Polling stat (not fs.watch) because it also works on network drives and survives the atomic
 * rename that replaces the file. A damaged file keeps the last good list and is reported.
 */
export async function watchMembers(workspace: string, report: (message: string) => void, intervalMs = 250): Promise<LiveMembers> {
  let members = await readMembers(workspace);
  const listeners: Array<(members: readonly Member[]) => void> = [];
  const file = membersPath(workspace);

  async function reload(): Promise<void> {
    try {
      members = await readMembers(workspace);
    } catch (error) {
      report(`${(error as Error).message}; the server keeps the members it had`);
      return;
    }
    for (const listener of listeners) listener(members);
  }

  watchFile(file, { interval: intervalMs, persistent: false }, () => void reload());
  return {
    current: () => members,
    reload,
    onChange: (listener) => void listeners.push(listener),
    close: () => unwatchFile(file),
  };
}
