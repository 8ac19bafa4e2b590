import type { Problem, Result } from './common';
import { formatPath, issueMessage } from './common';
import { migrate } from './migrations';
import { municipalityFileSchema, type MunicipalityFile } from './municipality';

export interface ValidatedMunicipality {
  file: MunicipalityFile;
  migratedFrom: number[];
}

/**
 * Migrates and validates a parsed municipality file. Problems name the item by id where
 * they can, because "items[12]" alone does not help a person find it.
 */
export function validateMunicipality(raw: unknown, fileLabel?: string): Result<ValidatedMunicipality> {
  try {
    return validateUnchecked(raw, fileLabel);
  } catch (error) {
    // zod and the migrations are written not to throw; this is the last guard for input nobody foresaw.
    return { ok: false, problems: [{ ...(fileLabel === undefined ? {} : { file: fileLabel }), field: '(file)', message: `cannot be read: ${error instanceof Error ? error.message : String(error)}` }] };
  }
}

function validateUnchecked(raw: unknown, fileLabel?: string): Result<ValidatedMunicipality> {
  const withFile = (p: Problem): Problem => (fileLabel === undefined ? p : { ...p, file: fileLabel });
  const migrated = migrate(raw);
  if (!migrated.ok) return { ok: false, problems: migrated.problems.map(withFile) };
  const parsed = municipalityFileSchema.safeParse(migrated.value.file);
  if (!parsed.success) {
    const items = migrated.value.file.items;
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => {
        let field = formatPath(issue.path);
        const [first, index] = issue.path;
        if (first === 'items' && typeof index === 'number' && Array.isArray(items)) {
          const item: unknown = items[index];
          const id = typeof item === 'object' && item !== null && 'id' in item ? (item as { id: unknown }).id : undefined;
          if (typeof id === 'string') field = field.replace(`items[${index}]`, `items[${index}] (id "${id}")`);
        }
        return withFile({ field, message: issueMessage(issue) });
      }),
    };
  }
  return { ok: true, value: { file: parsed.data, migratedFrom: migrated.value.applied } };
}

/** Parses JSON text first, so a truncated file gets a message rather than an exception. */
export function parseMunicipalityJson(text: string, fileLabel?: string): Result<ValidatedMunicipality> {
  let raw: unknown;
  try {
    // Notepad and some editors start UTF-8 files with a byte order mark; JSON.parse does not accept it.
    raw = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, problems: [{ ...(fileLabel === undefined ? {} : { file: fileLabel }), field: '(file)', message: `not valid JSON (${reason}); the file may be truncated or damaged` }] };
  }
  return validateMunicipality(raw, fileLabel);
}

/**
 * Indented JSON, except that each assessment round takes one line: years of monthly rounds would
 * otherwise make up most of the file, and one line per round still reads and diffs well.
 */
export function serializeMunicipality(file: MunicipalityFile): string {
  const rounds = file.assessment.snapshots;
  if (rounds.length === 0) return `${JSON.stringify(file, null, 2)}\n`;
  const nonce = Math.random().toString(36).slice(2);
  const marker = (n: number) => `@@round-${nonce}-${n}@@`;
  const text = JSON.stringify({ ...file, assessment: { ...file.assessment, snapshots: rounds.map((_, n) => marker(n)) } }, null, 2);
  return `${text.replace(new RegExp(`"@@round-${nonce}-(\\d+)@@"`, 'g'), (_m, n: string) => JSON.stringify(rounds[Number(n)]))}\n`;
}
