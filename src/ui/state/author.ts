import { useCallback, useSyncExternalStore } from 'react';

const KEY = 'milepael.author';
const listeners = new Set<() => void>();

function read(): string {
  try {
    return localStorage.getItem(KEY) ?? '';
  } catch {
    return '';
  }
}

/** The name that goes with this person's changes; entered once, kept on this computer. */
export function currentAuthor(): string {
  return read().trim();
}

export function setAuthor(name: string): void {
  try {
    localStorage.setItem(KEY, name.trim());
  } catch {
    // Private mode: the name lasts for this page only.
  }
  listeners.forEach((l) => l());
}

export function useAuthor(): [string, (name: string) => void] {
  const name = useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    currentAuthor,
    () => '',
  );
  return [name, useCallback((next: string) => setAuthor(next), [])];
}
