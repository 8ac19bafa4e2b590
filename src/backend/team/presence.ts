import { Presence, type DocHandle } from '@automerge/automerge-repo';

/** What a person shares while a municipality is open: their name only (the server overwrites it with the member's). */
interface OpenState {
  [channel: string]: string;
  name: string;
}

export interface MunicipalityPresence {
  /** The names of the others who have this municipality open now, sorted, without duplicates. */
  others(): string[];
  /** Called whenever someone opens or leaves (or is not heard from for `ttlMs`). */
  onChange(listener: (names: string[]) => void): () => void;
  stop(): void;
}

/**
 * "Who else has this municipality open" over automerge-repo's ephemeral messages: nothing of it
 * is stored in the document. Through a team server the name shown is the one the server knows
 * for the key, not one a client chose. Without a network it simply stays empty.
 */
export function joinPresence(handle: DocHandle<unknown>, name: string, options: { heartbeatMs?: number; ttlMs?: number } = {}): MunicipalityPresence {
  const heartbeatMs = options.heartbeatMs ?? 5000;
  const presence = new Presence<OpenState>({ handle });
  const listeners = new Set<(names: string[]) => void>();
  const others = () => {
    const states = presence.getPeerStates().getStates();
    return [...new Set(Object.values(states).map((s) => s.value.name).filter((n): n is string => typeof n === 'string' && n !== ''))].sort((a, b) =>
      a.localeCompare(b, 'da'),
    );
  };
  let last = '';
  const notify = () => {
    const names = others();
    const key = names.join('\u0000');
    if (key === last) return;
    last = key;
    for (const listener of listeners) listener(names);
  };
  for (const event of ['update', 'snapshot', 'goodbye', 'pruning', 'heartbeat'] as const) presence.on(event, notify);
  presence.start({ initialState: { name }, heartbeatMs, peerTtlMs: options.ttlMs ?? heartbeatMs * 3 });
  return {
    others,
    onChange: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    stop: () => presence.stop(),
  };
}
