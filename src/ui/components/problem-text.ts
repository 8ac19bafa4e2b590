import type { I18n } from '../i18n';
import type { MessageKey } from '../i18n/da';

type Translate = I18n['t'];

/** One problem the backend found in a file: where (a path such as `items[3].status`) and what, in its own English words. */
export interface FileProblem {
  field: string;
  message: string;
}

const TYPES: Record<string, MessageKey> = {
  string: 'problem.type.string',
  number: 'problem.type.number',
  boolean: 'problem.type.boolean',
  array: 'problem.type.array',
  object: 'problem.type.object',
};

/** The schema's and zod's wordings, each with the reader's own; a message not listed falls back to a plain sentence. */
const PATTERNS: { pattern: RegExp; key: MessageKey; params?: (m: RegExpExecArray, t: Translate) => Record<string, string> }[] = [
  { pattern: /^must be letters, digits, "\.", "_" or "-"$/, key: 'problem.idChars' },
  { pattern: /^must be lowercase letters, digits and dashes/, key: 'problem.slugChars' },
  { pattern: /^must not be empty$/, key: 'problem.empty' },
  { pattern: /^must be a date written YYYY-MM-DD$/, key: 'problem.date' },
  { pattern: /^must be a date-time like/, key: 'problem.dateTime' },
  { pattern: /^must be a version like/, key: 'problem.version' },
  { pattern: /^must be a month written YYYY-MM$/, key: 'problem.month' },
  { pattern: /^missing \(expected \w+\)$/, key: 'problem.missing' },
  { pattern: /^missing or invalid: expected a whole number ≥ 1 \(is this a Milepæl municipality file\?\)$/, key: 'problem.noSchemaVersion' },
  { pattern: /^unknown fields? (.+) \(check the spelling\)$/, key: 'problem.unknownField', params: (m) => ({ names: m[1]! }) },
  { pattern: /^not valid JSON/, key: 'problem.notJson' },
  { pattern: /^Invalid input: expected (\w+), received \w+$/, key: 'problem.type', params: (m, t) => ({ type: TYPES[m[1]!] ? t(TYPES[m[1]!]!) : m[1]! }) },
  { pattern: /^Too big: expected string to have <=?(\d+) characters?$/, key: 'problem.tooLong', params: (m) => ({ max: m[1]! }) },
  { pattern: /^Too small: expected string to have >=?1 characters?$/, key: 'problem.empty' },
  { pattern: /^Too big: expected array to have <=?(\d+) items?$/, key: 'problem.tooMany', params: (m) => ({ max: m[1]! }) },
  { pattern: /^Too big: expected number to be <=?(\S+)$/, key: 'problem.tooBig', params: (m) => ({ max: m[1]! }) },
  { pattern: /^Too small: expected number to be >=?(\S+)$/, key: 'problem.tooSmall', params: (m) => ({ min: m[1]! }) },
  { pattern: /^Invalid option: expected one of (.+)$/, key: 'problem.option', params: (m) => ({ values: m[1]!.replaceAll('|', ', ') }) },
  { pattern: /^duplicate (?:item |question )?id "(.*)"$/, key: 'problem.duplicate', params: (m) => ({ id: m[1]! }) },
  { pattern: /^unknown (driver|phase|flow|focus area) "(.*)"$/, key: 'problem.unknownRef', params: (m) => ({ id: m[2]! }) },
];

/** What is wrong, in the reader's language. */
export function problemWhat(message: string, t: Translate): string {
  for (const { pattern, key, params } of PATTERNS) {
    const m = pattern.exec(message);
    if (m) return t(key, params ? params(m, t) : {});
  }
  return t('problem.other');
}

/** One problem as a sentence naming the field: `Feltet "id": må kun indeholde …`. */
export function problemText(problem: FileProblem, t: Translate): string {
  const what = problemWhat(problem.message, t);
  return problem.field === '(file)' || problem.field === '(top level)' ? t('problem.inFile', { what }) : t('problem.inField', { field: problem.field, what });
}

/** The first few problems of a refused file, and how many more there are. */
export function problemsText(problems: readonly FileProblem[], t: Translate, shown = 3): string {
  const lines = problems.slice(0, shown).map((p) => problemText(p, t));
  if (problems.length > shown) lines.push(t('problem.more', { count: problems.length - shown }));
  return lines.join(' ');
}
