import { formatDate } from '../../core/dates';
import type { PlanExtraSection } from '../../core/plan/extensions';
import { statusLabel } from '../../core/plan/labels';
import { STATUSES, type Status } from '../../core/schema/common';
import type { ChangeSinceRound } from '../engine/changes-since-round';

/** A steering group reads a page, not a dump: the newest changes first, at most this many. */
const MAX_ROWS = 200;
const SHORT = 80;

const WORDS = {
  da: {
    title: 'Bilag: Ændringer siden sidste statusmåling',
    intro: 'Hvem har ændret hvad i tjeklisten, siden den seneste statusmåling blev registreret (nyeste først).',
    none: 'Ingen ændringer siden sidste statusmåling.',
    more: 'Og {count} ældre ændringer, som kan ses under Ændringer i Milepæl.',
    headers: ['Tidspunkt', 'Hvem', 'Punkt', 'Ændring'],
    whole: 'Kommunen',
    at: '{date} kl. {time}',
  },
  en: {
    title: 'Appendix: Changes since the last assessment round',
    intro: 'Who changed what in the checklist since the latest assessment round was recorded (newest first).',
    none: 'No changes since the last assessment round.',
    more: 'And {count} older changes, listed under Changes in Milepæl.',
    headers: ['When', 'Who', 'Item', 'Change'],
    whole: 'The municipality',
    at: '{date} at {time}',
  },
} as const;

const isStatus = (value: unknown): value is Status => typeof value === 'string' && (STATUSES as readonly string[]).includes(value);

function describe(change: ChangeSinceRound, language: 'da' | 'en'): string {
  if (change.value === undefined) return change.field;
  // A date written as the screens and the rest of the plan write it, not as stored.
  const value = isStatus(change.value) ? statusLabel(language, change.value) : typeof change.value === 'string' ? (ISO_DATE.test(change.value) ? formatDate(change.value, language) : change.value) : JSON.stringify(change.value);
  const shown = value.length > SHORT ? `${value.slice(0, SHORT - 1)}…` : value;
  return `${change.field}: ${shown}`;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * "23.11.2026 kl. 14.05" as the Ændringer screen writes it, on Danish time whatever the machine
 * that makes the plan (a server may run on UTC).
 */
function when(iso: string, language: 'da' | 'en'): string {
  const at = new Date(iso);
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-GB', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'Europe/Copenhagen' }).formatToParts(at).map((p) => [p.type, p.value]));
  const time = new Intl.DateTimeFormat(language === 'da' ? 'da-DK' : 'en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Copenhagen' }).format(at);
  return WORDS[language].at.replace('{date}', formatDate(`${parts.year}-${parts.month}-${parts.day}`, language)).replace('{time}', time);
}

/** The plan's optional appendix "Ændringer siden sidste statusmåling", from the engine's change log. */
export function changesAppendix(changes: readonly ChangeSinceRound[], language: 'da' | 'en'): PlanExtraSection {
  const w = WORDS[language];
  if (changes.length === 0) return { id: 'changes', title: w.title, blocks: [{ kind: 'paragraph', text: w.none }] };
  const newest = [...changes].reverse();
  const rows = newest.slice(0, MAX_ROWS).map((c) => [when(c.at, language), c.by || '–', c.itemTitle ?? w.whole, describe(c, language)]);
  return {
    id: 'changes',
    title: w.title,
    blocks: [
      { kind: 'paragraph', text: w.intro },
      { kind: 'table', headers: [...w.headers], rows },
      ...(newest.length > MAX_ROWS ? [{ kind: 'paragraph' as const, text: w.more.replace('{count}', String(newest.length - MAX_ROWS)) }] : []),
    ],
  };
}
