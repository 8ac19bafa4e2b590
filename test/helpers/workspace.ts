import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Environment } from '../../src/core/checklist/create';
import { openWorkspace } from '../../src/backend/workspace';

/** A controllable clock: tests move time forward to cross days and order backups. */
export function testClock(start = '2026-11-22T10:00:00.000Z') {
  let now = new Date(start).getTime();
  let ids = 0;
  const env: Environment = { now: () => new Date(now), newId: () => `m${++ids}` };
  return { env, advance: (ms: number) => (now += ms), setDay: (iso: string) => (now = new Date(iso).getTime()) };
}

export async function tempWorkspace(env?: Environment) {
  const location = await mkdtemp(path.join(tmpdir(), 'milepael-ws-'));
  const service = await openWorkspace({ location, ...(env ? { env } : {}), warn: () => undefined });
  return { location, service };
}
