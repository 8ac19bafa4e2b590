import type { EvaluationData, EvaluationMonth } from '../../core/evaluation/data';
import { emptyMonth } from '../../core/evaluation/data';
import { canonical, stamp, unstamp, type Cell } from './document';

/**
 * A municipality's evaluation figures in the document: one register per month and kind (register
 * figures; questionnaire counts) and one per target, kept as flat keys in the top-level `fields`
 * map. An import replaces the figures of the months it covers (importing a file twice must not
 * count twice), so these are values, not counters — but two people importing different months, or
 * the register and the questionnaires of one month, or setting a target meanwhile, all keep their
 * work; only the same month and kind at the same moment has one winner. Flat keys because every
 * document already has `fields`: a map created by two apps at once would keep only one of them.
 */
export const EVALUATION_PREFIX = 'evaluation/';
const PRESENT = `${EVALUATION_PREFIX}present`;
const REGISTER = `${EVALUATION_PREFIX}register/`;
const ANSWERS = `${EVALUATION_PREFIX}answers/`;
const TARGET = `${EVALUATION_PREFIX}target/`;
/** The whole figures as one value, as documents made before this layout hold them. */
const LEGACY = 'evaluation';

type RegisterPart = Omit<EvaluationMonth, 'month' | 'forms' | 'answers'>;
type AnswersPart = Pick<EvaluationMonth, 'forms' | 'answers'>;

function registerPart({ month: _m, forms: _f, answers: _a, ...rest }: EvaluationMonth): RegisterPart {
  return rest;
}

function answersPart(month: EvaluationMonth): AnswersPart {
  return { forms: month.forms, answers: month.answers };
}

/** The keys `fields` holds for these figures, with their values. */
function flatten(data: EvaluationData): Map<string, unknown> {
  const out = new Map<string, unknown>([[PRESENT, true]]);
  for (const target of data.targets) out.set(`${TARGET}${target.metric}`, target.percent);
  for (const month of data.months) {
    out.set(`${REGISTER}${month.month}`, registerPart(month));
    out.set(`${ANSWERS}${month.month}`, answersPart(month));
  }
  return out;
}

/** The figures the document holds, or undefined when it has none. */
export function evaluationOf(fields: Record<string, Cell>): EvaluationData | undefined {
  const legacy = fields[LEGACY] === undefined ? undefined : (unstamp(fields[LEGACY]).v as EvaluationData | undefined);
  if (fields[PRESENT] === undefined) return legacy;
  const targets = new Map<string, number>();
  const registers = new Map<string, RegisterPart>();
  const answers = new Map<string, AnswersPart>();
  for (const [key, cell] of Object.entries(fields)) {
    if (!key.startsWith(EVALUATION_PREFIX)) continue;
    const value = unstamp(cell).v;
    if (key.startsWith(TARGET) && typeof value === 'number') targets.set(key.slice(TARGET.length), value);
    else if (key.startsWith(REGISTER) && value !== null && typeof value === 'object') registers.set(key.slice(REGISTER.length), value as RegisterPart);
    else if (key.startsWith(ANSWERS) && value !== null && typeof value === 'object') answers.set(key.slice(ANSWERS.length), value as AnswersPart);
  }
  const months = [...new Set([...registers.keys(), ...answers.keys()])].sort().map((month): EvaluationMonth => {
    const empty = emptyMonth(month);
    const register = registers.get(month);
    const answered = answers.get(month);
    return { month, ...registerPart(empty), ...register, forms: answered?.forms ?? [], answers: answered?.answers ?? [] };
  });
  return { targets: [...targets].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([metric, percent]) => ({ metric, percent })), months };
}

/**
 * Writes the keys that differ between two versions of the figures; returns whether any did. A
 * document in the old layout moves to the new one with its first change of the figures.
 */
export function patchEvaluation(fields: Record<string, Cell>, before: EvaluationData | undefined, after: EvaluationData | undefined, by: string): boolean {
  if (before === after) return false;
  const legacy = fields[LEGACY] !== undefined;
  const old = before === undefined || legacy ? new Map<string, unknown>() : flatten(before);
  const next = after === undefined ? new Map<string, unknown>() : flatten(after);
  let changed = false;
  if (legacy) {
    delete fields[LEGACY];
    changed = true;
  }
  for (const key of old.keys()) {
    if (!next.has(key)) {
      delete fields[key];
      changed = true;
    }
  }
  for (const [key, value] of next) {
    if (old.has(key) && canonical(old.get(key)) === canonical(value)) continue;
    fields[key] = stamp(value, by);
    changed = true;
  }
  return changed;
}
