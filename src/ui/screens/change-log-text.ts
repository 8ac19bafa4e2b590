import type { LogEntryView } from '../../api/live-contract';
import { STATUSES } from '../../core/schema/common';
import type { I18n } from '../i18n';
import type { MessageKey } from '../i18n/da';
import { UNKNOWN_AUTHOR } from '../state/useMunicipality';

type ChangedField = LogEntryView['what'][number];
type Translate = I18n['t'];

/** Changes the engine logs under a name of their own (not a field of the file). */
export const LOG_EVENTS = {
  created: 'log.event.created',
  added: 'log.event.added',
  removed: 'log.event.removed',
  order: 'log.event.order',
  evaluation: 'log.event.evaluation',
  'round.added': 'log.event.roundAdded',
  'round.removed': 'log.event.roundRemoved',
  target: 'log.event.target',
  tally: 'log.event.tally',
  'question.added': 'log.event.questionAdded',
  'question.removed': 'log.event.questionRemoved',
  'evidence.added': 'log.event.evidenceAdded',
  'evidence.removed': 'log.event.evidenceRemoved',
} as const satisfies Record<string, MessageKey>;

/** Fields of the file itself, its assessment and its conferences, as the engine logs them. */
export const TOP_FIELDS = {
  schemaVersion: 'log.field.schemaVersion',
  id: 'log.field.id',
  name: 'log.field.name',
  pack: 'log.field.pack',
  framework: 'log.field.framework',
  isExample: 'log.field.isExample',
  fidelity: 'log.field.fidelity',
  steering: 'log.field.steering',
  createdAt: 'log.field.createdAt',
  cadenceMonths: 'log.field.cadenceMonths',
} as const satisfies Record<string, MessageKey>;

/** Fields of a milestone or flow step. */
export const ITEM_FIELDS = {
  id: 'log.field.id',
  kind: 'log.field.kind',
  origin: 'log.field.origin',
  title: 'log.field.title',
  intro: 'log.field.intro',
  driverId: 'log.field.driverId',
  phaseId: 'log.field.phaseId',
  focusAreaIds: 'log.field.focusAreaIds',
  flowId: 'log.field.flowId',
  stepKind: 'log.field.stepKind',
  dependsOn: 'log.field.dependsOn',
  weight: 'log.field.weight',
  status: 'log.field.status',
  statusChangedAt: 'log.field.statusChangedAt',
  reviewedAt: 'log.field.reviewedAt',
  packTitle: 'log.field.packText',
  packIntro: 'log.field.packText',
  en: 'log.field.en',
  owner: 'log.field.owner',
  dueDate: 'log.field.dueDate',
  notes: 'log.field.notes',
  principles: 'log.field.principles',
  resourceNotes: 'log.field.resourceNotes',
  tools: 'log.field.tools',
  steeringDecision: 'log.field.steeringDecision',
} as const satisfies Record<string, MessageKey>;

/** Fields of a question under a milestone. */
export const QUESTION_FIELDS = {
  id: 'log.field.id',
  origin: 'log.field.origin',
  text: 'log.field.questionText',
  answer: 'log.field.answer',
  packText: 'log.field.packText',
  en: 'log.field.en',
} as const satisfies Record<string, MessageKey>;

/** Fields of a documentation link under a milestone. */
export const EVIDENCE_FIELDS = {
  id: 'log.field.id',
  label: 'log.field.evidenceLabel',
  target: 'log.field.evidenceTarget',
} as const satisfies Record<string, MessageKey>;

const STATUS_VALUES = new Set<string>(STATUSES);

function fieldKey(w: ChangedField): MessageKey | null {
  const table: Record<string, MessageKey> = w.question !== undefined ? QUESTION_FIELDS : w.evidence !== undefined ? EVIDENCE_FIELDS : w.item !== undefined ? ITEM_FIELDS : TOP_FIELDS;
  return Object.hasOwn(table, w.field) ? table[w.field]! : null;
}

export interface LineContext {
  t: Translate;
  formatDate: (isoDate: string) => string;
  /** The milestone's title as the reader sees it. */
  titleOf: (itemId: string | undefined) => string;
}

function valueText(value: unknown, { t, formatDate }: LineContext): string {
  if (typeof value === 'string' && STATUS_VALUES.has(value)) return t(`status.${value}` as MessageKey);
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value);
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  return '';
}

/**
 * One logged change in the reader's language, with no actor: the person, when known, stands once
 * beside the entry's time (`actorOf`). Never shows the engine's own names for fields.
 */
export function describeChange(w: ChangedField, ctx: LineContext, by = ''): string {
  const { t } = ctx;
  const item = ctx.titleOf(w.item);
  if (w.field === 'created') return t(by === '' ? 'log.event.createdFromFile' : 'log.event.created');
  if (Object.hasOwn(LOG_EVENTS, w.field)) {
    const key = LOG_EVENTS[w.field as keyof typeof LOG_EVENTS];
    if (w.field === 'round.added' && typeof w.value === 'string') return t('log.event.roundAddedOn', { date: ctx.formatDate(w.value) });
    if (w.field === 'target') {
      const target = w.value as { year?: unknown; count?: unknown } | undefined;
      if (typeof target?.year === 'number') return typeof target.count === 'number' ? t('log.event.targetSet', { year: target.year, value: target.count }) : t('log.event.targetRemoved', { year: target.year });
    }
    if (w.field === 'tally') {
      const tally = w.value as { key?: unknown; delta?: unknown } | undefined;
      const month = typeof tally?.key === 'string' ? tally.key.split('|')[0]! : '';
      if (typeof tally?.delta === 'number' && /^\d{4}-\d{2}$/.test(month)) return t('log.event.tallyMonth', { month: `${month.slice(5)}.${month.slice(0, 4)}`, delta: tally.delta > 0 ? `+${tally.delta}` : `−${-tally.delta}` });
    }
    return t(key, { item });
  }
  const key = fieldKey(w);
  if (key === null) return w.item === undefined ? t('log.event.other') : t('log.event.otherOn', { item });
  const field = t(key);
  const value = valueText(w.value, ctx);
  if (w.question !== undefined) return t('log.field.changedQuestion', { field, item });
  if (w.evidence !== undefined) return t('log.field.changedEvidence', { field, item });
  if (w.item === undefined) return value ? t('log.field.setTop', { field, value }) : t('log.field.changedTop', { field });
  return value ? t('log.field.set', { field, value, item }) : t('log.field.changed', { field, item });
}

/**
 * Who made a change, or null when the log does not know: converted files carry no name, and
 * changes made before the person entered a name carry the placeholder, which says nothing.
 */
export function actorOf(by: string): string | null {
  const name = by.trim();
  return name === '' || name === UNKNOWN_AUTHOR ? null : name;
}
