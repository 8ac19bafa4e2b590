import { z } from 'zod';

/** Ids are used in file names, URLs and cross-references, so they stay simple. */
export const slugSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lowercase letters, digits and dashes, e.g. "min-milepael"')
  .max(80);

export const semverSchema = z
  .string()
  .regex(/^\d+\.\d+\.\d+$/, 'must be a version like 1.0.0');

export const nonEmptyText = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);

export const isoDateSchema = z.iso.date({ message: 'must be a date written YYYY-MM-DD' });
export const isoDateTimeSchema = z.iso.datetime({ offset: true, message: 'must be a date-time like 2026-11-22T10:00:00Z' });

export const statusSchema = z.enum(['not_started', 'in_progress', 'in_place', 'not_relevant']);
export type Status = z.infer<typeof statusSchema>;
export const STATUSES: readonly Status[] = statusSchema.options;

/** A path into a parsed document, rendered the way a person reads it: items[3].questions[0].text */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(top level)' : out;
}

export interface Problem {
  /** The file the problem is in, when there is one. */
  file?: string;
  /** Where in the document, e.g. `questions[2].text`. */
  field: string;
  message: string;
}

export function formatProblem(problem: Problem): string {
  const where = problem.file ? `${problem.file}: ${problem.field}` : problem.field;
  return `${where}: ${problem.message}`;
}

/** zod's wording for an absent field is technical; a pack author or user reads "missing". */
export function issueMessage(issue: z.core.$ZodIssue): string {
  const absent = /^Invalid input: expected (\w+), received undefined$/.exec(issue.message);
  if (absent) return `missing (expected ${absent[1]})`;
  if (issue.code === 'unrecognized_keys') return `unknown field${issue.keys.length === 1 ? '' : 's'} ${issue.keys.map((k) => `"${k}"`).join(', ')} (check the spelling)`;
  return issue.message;
}

export function problemsFromZod(error: z.ZodError, file?: string): Problem[] {
  return error.issues.map((issue) => ({
    ...(file === undefined ? {} : { file }),
    field: formatPath(issue.path),
    message: issueMessage(issue),
  }));
}

export type Result<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };
