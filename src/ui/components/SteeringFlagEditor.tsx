import { useId, useState } from 'react';
import type { ChecklistEdit } from '../../core/checklist/edits';
import type { ChecklistItem } from '../../core/schema/municipality';
import { steeringDecisionFlagSchema } from '../../core/schema/steering';
import { DateInput } from './DateInput';
import { useI18n } from '../i18n';
import '../steering.css';

/** Marks a checklist item as needing a steering-group decision: what, who brings it, by when (plan page 1). */
export function SteeringFlagEditor({ item, edit }: { item: ChecklistItem; edit: (e: ChecklistEdit) => void }) {
  const { t } = useI18n();
  const base = useId();
  const flag = item.steeringDecision;
  const [open, setOpen] = useState(flag !== undefined);
  const [text, setText] = useState(flag?.text ?? '');
  const [owner, setOwner] = useState(flag?.owner ?? '');
  const [date, setDate] = useState(flag?.date ?? '');
  const [problem, setProblem] = useState<string | null>(null);

  const save = (when = date) => {
    const parsed = steeringDecisionFlagSchema.safeParse({ text, owner, ...(when ? { date: when } : {}) });
    if (!parsed.success) {
      setProblem(t('steering.invalid', { detail: `${t('flag.text')} ${parsed.error.issues[0]?.message ?? ''}` }));
      return;
    }
    setProblem(null);
    edit({ type: 'setSteeringDecision', itemId: item.id, flag: parsed.data });
  };

  return (
    <div className="steering-flag">
      {/* A plain checkbox row; the fields appear under it, framed, once it is ticked. */}
      <label className="checkbox steering-flag-toggle">
        <input
          type="checkbox"
          checked={open}
          onChange={(e) => {
            setOpen(e.target.checked);
            if (!e.target.checked && flag) edit({ type: 'setSteeringDecision', itemId: item.id, flag: null });
          }}
        />
        {t('flag.toggle')}
      </label>
      {open && (
        <div className="steering-flag-fields">
          <div className="field-row">
            <div className="field steering-flag-text">
              <label htmlFor={`${base}-text`}>{t('flag.text')}</label>
              <input id={`${base}-text`} value={text} maxLength={300} onChange={(e) => setText(e.target.value)} onBlur={() => text.trim() && save()} />
            </div>
            <div className="field steering-flag-owner">
              <label htmlFor={`${base}-owner`}>{t('flag.owner')}</label>
              <input id={`${base}-owner`} value={owner} maxLength={200} onChange={(e) => setOwner(e.target.value)} onBlur={() => text.trim() && save()} />
            </div>
            <div className="field">
              <label htmlFor={`${base}-date`}>{t('flag.date')}</label>
              <DateInput
                id={`${base}-date`}
                value={date}
                onChange={(iso) => {
                  setDate(iso);
                  if (text.trim()) save(iso);
                }}
              />
            </div>
            <button type="button" onClick={() => save()}>
              {t('flag.save')}
            </button>
          </div>
          {problem && (
            <p role="alert" className="overdue-flag">
              {problem}
            </p>
          )}
        </div>
      )}
    </div>
  );
}
