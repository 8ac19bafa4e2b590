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
  },
  en: {
    title: 'Appendix: Changes since the last assessment round',
    intro: 'Who changed what in the checklist since the latest assessment round was recorded (newest first).',
    none: 'No changes since the last assessment round.',
    more: 'And {count} older changes, listed under Changes in Milepæl.',
    headers: ['When', 'Who', 'Item', 'Change'],
    whole: 'The municipality',
  },
} as const;

const isStatus = (value: unknown): value is Status => typeof value === 'string' && (STATUSES as readonly string[]).includes(value);

function describe(change: ChangeSinceRound, language: 'da' | 'en'): string {
  if (change.value === undefined) return change.field;
  const value = isStatus(change.value) ? statusLabel(language, change.value) : typeof change.value === 'string' ? change.value : JSON.stringify(change.value);
  const shown = value.length > SHORT ? `${value.slice(0, SHORT - 1)}…` : value;
  return `${change.field}: ${shown}`;
}

function when(iso: string, language: 'da' | 'en'): string {
  const format = new Intl.DateTimeFormat(language === 'da' ? 'da-DK' : 'en-GB', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Copenhagen' });
  return format.format(new Date(iso));
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
