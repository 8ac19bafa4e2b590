import type { Problem, Result } from '../common';
import { CURRENT_SCHEMA_VERSION } from '../municipality';

type JsonObject = Record<string, unknown>;

/**
 * One step from `from` to `from + 1`. Steps are pure and run before validation, in order.
 * Add a step as `NNNN-what-it-does.ts` next to this file and list it here.
 */
export interface Migration {
  from: number;
  describe: string;
  up: (file: JsonObject) => JsonObject;
}

import { addHistory } from './0001-add-history';
import { teamEraFields } from './0002-team-era-fields';
import { englishNames } from './0003-english-names';
import { englishContent } from './0004-english-content';
import { englishPrinciples } from './0005-english-principles';

export const migrations: readonly Migration[] = [addHistory, teamEraFields, englishNames, englishContent, englishPrinciples];

export interface Migrated {
  file: JsonObject;
  /** Versions that were stepped over, e.g. [1, 2] for a 1 → 3 migration. Empty when already current. */
  applied: number[];
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Brings a parsed file up to the current schema version, or explains why it cannot. */
export function migrate(raw: unknown, steps: readonly Migration[] = migrations, current = CURRENT_SCHEMA_VERSION): Result<Migrated> {
  const fail = (message: string): Result<Migrated> => ({ ok: false, problems: [{ field: 'schemaVersion', message } satisfies Problem] });
  if (!isObject(raw)) return { ok: false, problems: [{ field: '(top level)', message: 'a municipality file must be a JSON object' }] };
  const version = raw.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return fail('missing or invalid: expected a whole number ≥ 1 (is this a Milepæl municipality file?)');
  }
  if (version > current) {
    return fail(`the file was written by a newer version of Milepæl (schema ${version}; this version reads up to ${current}). Update Milepæl to open it.`);
  }
  let file = raw;
  const applied: number[] = [];
  for (let v = version; v < current; v++) {
    const step = steps.find((m) => m.from === v);
    if (!step) return fail(`no migration from schema ${v} to ${v + 1}`);
    file = { ...step.up(file), schemaVersion: v + 1 };
    applied.push(v);
  }
  return { ok: true, value: { file, applied } };
}
