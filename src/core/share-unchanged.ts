/**
 * `next` with every part that equals the same part of `previous` replaced by the previous object,
 * so a screen that compares by identity (React's memo) redraws only what really changed when a
 * whole new copy arrives, e.g. the backend's answer after a save. Entries of an array that carry
 * a string `id` are matched by it, so an insertion does not make every later entry look new.
 * The result always equals `next`; when nothing changed it is `previous` itself.
 */
export function shareUnchanged<T>(previous: unknown, next: T): T {
  return share(previous, next) as T;
}

type Plain = Record<string, unknown>;

const isPlain = (value: unknown): value is Plain => typeof value === 'object' && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;

function idOf(value: unknown): string | undefined {
  return isPlain(value) && typeof value.id === 'string' ? value.id : undefined;
}

function share(previous: unknown, next: unknown): unknown {
  if (Object.is(previous, next)) return previous;
  if (Array.isArray(previous) && Array.isArray(next)) return shareArray(previous, next);
  if (isPlain(previous) && isPlain(next)) return shareObject(previous, next);
  return next;
}

function shareArray(previous: unknown[], next: unknown[]): unknown[] {
  // Only when every entry has an id, unique within the previous array, is the id a safe key.
  const byId = new Map<string, unknown>();
  for (const entry of previous) {
    const id = idOf(entry);
    if (id === undefined || byId.has(id)) {
      byId.clear();
      break;
    }
    byId.set(id, entry);
  }
  let same = previous.length === next.length;
  const result = next.map((entry, index) => {
    const id = idOf(entry);
    const counterpart = byId.size > 0 && id !== undefined ? byId.get(id) : previous[index];
    const shared = share(counterpart, entry);
    if (shared !== previous[index]) same = false;
    return shared;
  });
  return same ? previous : result;
}

function shareObject(previous: Plain, next: Plain): Plain {
  const keys = Object.keys(next);
  let same = keys.length === Object.keys(previous).length;
  const result: Plain = {};
  for (const key of keys) {
    const shared = Object.hasOwn(previous, key) ? share(previous[key], next[key]) : next[key];
    if (shared !== previous[key] || !Object.hasOwn(previous, key)) same = false;
    result[key] = shared;
  }
  return same ? previous : result;
}
