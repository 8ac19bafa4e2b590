import type { FieldConflictView } from '../../api/live-contract';
import type { MunicipalityFile } from '../../core/schema/municipality';
import { useI18n } from '../i18n';
import type { MessageKey } from '../i18n/da';

const FIELD_KEYS: Record<string, MessageKey> = { status: 'field.status', owner: 'field.owner', notes: 'field.notes', dueDate: 'field.dueDate', title: 'field.title', answer: 'field.answer', name: 'field.name' };
const STATUSES = new Set(['not_started', 'in_progress', 'in_place', 'not_relevant']);

/**
 * Fields two people changed at the same moment: the value kept, who else changed it and to what,
 * one click to take the other value or to keep this one.
 */
export function ConflictPanel({ conflicts, file, onChoose }: { conflicts: FieldConflictView[]; file: MunicipalityFile; onChoose: (conflict: FieldConflictView, value: unknown) => void }) {
  const { t } = useI18n();
  if (conflicts.length === 0) return null;
  const show = (value: unknown): string => {
    if (typeof value === 'string' && STATUSES.has(value)) return t(`status.${value}` as MessageKey);
    if (value === null || value === undefined || value === '') return t('conflict.empty');
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    return text.length > 80 ? `${text.slice(0, 80)} …` : text;
  };
  return (
    <section className="conflicts banner banner-warning" aria-label={t('conflict.title')}>
      <div className="banner-text">
        <strong>{t('conflict.title')}</strong>
        <ul>
          {conflicts.map((c) => {
            const item = file.items.find((i) => i.id === c.itemId)?.title ?? file.name;
            const field = FIELD_KEYS[c.field] ? t(FIELD_KEYS[c.field]!) : c.field;
            return (
              <li key={`${c.itemId ?? ''}|${c.questionId ?? ''}|${c.field}`} data-testid="conflict">
                {t('conflict.kept', { field, item, value: show(c.value), name: c.by || t('conflict.unknown') })}{' '}
                {c.others.map((o, n) => (
                  <span key={n}>
                    — <em>{t('conflict.alsoChangedBy', { name: o.by || t('conflict.unknown') })}</em>: {show(o.value)}{' '}
                    <button type="button" onClick={() => onChoose(c, o.value)}>
                      {t('conflict.use', { value: show(o.value) })}
                    </button>
                  </span>
                ))}{' '}
                <button type="button" className="button-quiet" onClick={() => onChoose(c, c.value)}>
                  {t('conflict.keep')}
                </button>
              </li>
            );
          })}
        </ul>
      </div>
    </section>
  );
}
