import { useId } from 'react';
import type { ChecklistEdit } from '../../core/checklist/edits';
import { signCoverage } from '../../core/principles/signs';
import type { ChecklistItem } from '../../core/schema/municipality';
import { useI18n } from '../i18n';
import './principles.css';

/** "3 af 8 tegn set" beside an item's title; nothing for items without principles. */
export function SignsBadge({ item }: { item: ChecklistItem }) {
  const { t } = useI18n();
  if (!item.principles?.length) return null;
  const { seen, total } = signCoverage(item.id, item.title, [{ ...item, status: 'in_progress' }]);
  return <span className="signs-badge">{t('signs.progress', { seen, total })}</span>;
}

/**
 * An element's principles with their observable signs ("Hvordan kan det ses?"), each ticked and
 * commented by the team, then the element's resource notes and tools. Nothing when the item has none.
 */
export function PrincipleSigns({ item, edit }: { item: ChecklistItem; edit: (edit: ChecklistEdit) => void }) {
  const { t } = useI18n();
  const base = useId();
  const principles = item.principles ?? [];
  if (principles.length === 0 && !item.resourceNotes?.length && !item.tools?.length) return null;
  return (
    <div className="principle-signs">
      {principles.map((principle) => (
        <fieldset key={principle.id} className="principle">
          <legend>
            {principle.title === item.title ? t('signs.title') : `${t('signs.principle')}: ${principle.title}`}
            {principle.ours && <span className="tag">{t('method.ours')}</span>}
          </legend>
          {principle.description && <p className="muted">{principle.description}</p>}
          {principle.title !== item.title && <p className="signs-heading">{t('signs.title')}</p>}
          <ul className="sign-list">
            {principle.signs.map((sign) => {
              const id = `${base}-${principle.id}-${sign.id}`;
              const set = (change: { seen?: boolean; comment?: string }) => edit({ type: 'setSign', itemId: item.id, principleId: principle.id, signId: sign.id, ...change });
              return (
                <li key={sign.id} className={sign.seen ? 'sign is-seen' : 'sign'}>
                  <input id={id} type="checkbox" checked={sign.seen} onChange={(e) => set({ seen: e.target.checked })} />
                  <label htmlFor={id}>
                    {sign.text}
                    {sign.ours && <span className="tag">{t('method.ours')}</span>}
                  </label>
                  <details className="sign-comment" open={sign.comment !== '' ? true : undefined}>
                    <summary>{t('signs.comment')}</summary>
                    <textarea
                      aria-label={`${t('signs.comment')}: ${sign.text}`}
                      aria-describedby={`${base}-comment-help`}
                      value={sign.comment}
                      maxLength={2000}
                      rows={2}
                      onChange={(e) => set({ comment: e.target.value })}
                    />
                  </details>
                </li>
              );
            })}
          </ul>
        </fieldset>
      ))}
      {principles.length > 0 && (
        <p id={`${base}-comment-help`} className="muted small">
          {t('signs.commentHelp')}
        </p>
      )}
      {item.resourceNotes && item.resourceNotes.length > 0 && (
        <div className="resource-notes">
          <h4>{t('signs.resources')}</h4>
          <ul>
            {item.resourceNotes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        </div>
      )}
      {item.tools && item.tools.length > 0 && (
        <div className="tools">
          <h4>{t('signs.tools')}</h4>
          <ul>
            {item.tools.map((tool) => (
              <li key={tool.name}>
                <strong>{tool.name}</strong>
                {tool.purpose ? `: ${tool.purpose}` : ''}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
