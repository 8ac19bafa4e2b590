import { STATUSES, type Status } from '../../core/schema/common';
import { useI18n } from '../i18n';
import { useReadOnly } from '../state/read-only';
import { StatusIcon } from './StatusIcon';

export const STATUS_MARK = 'milepael:status-change';

/** Text shapes for places that draw no icons (dense tables, exports); the screens use StatusIcon. */
export const STATUS_SYMBOL: Record<Status, string> = { not_started: '○', in_progress: '◐', in_place: '●', not_relevant: '–' };

/** Native radio buttons: one click, arrow keys between options, a label for screen readers. */
export function StatusPicker({ name, value, label, onChange }: { name: string; value: Status; label: string; onChange: (s: Status) => void }) {
  const { t } = useI18n();
  const readOnly = useReadOnly();
  return (
    <fieldset className="status-picker" disabled={readOnly}>
      <legend className="visually-hidden">{label}</legend>
      {STATUSES.map((status) => (
        <label key={status} className={`status-option status-${status}${value === status ? ' is-selected' : ''}`}>
          <input
            type="radio"
            name={name}
            value={status}
            checked={value === status}
            onChange={() => {
              // Paired with the measure in MunicipalityScreen: how long until the scores show the change.
              performance.mark(STATUS_MARK);
              onChange(status);
            }}
          />
          <StatusIcon status={status} /> {t(`status.${status}`)}
        </label>
      ))}
    </fieldset>
  );
}

export function StatusBadge({ status }: { status: Status }) {
  const { t } = useI18n();
  return (
    <span className={`status-badge status-${status}`}>
      <StatusIcon status={status} /> {t(`status.${status}`)}
    </span>
  );
}
