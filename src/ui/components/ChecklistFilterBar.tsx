import { useId } from 'react';
import { isFiltering, NO_FILTER, type ChecklistFilter, type OwnerFilter } from '../../core/checklist/filter';
import { STATUSES, type Status } from '../../core/schema/common';
import { useI18n } from '../i18n';

interface Props {
  filter: ChecklistFilter;
  owners: readonly string[];
  shown: number;
  total: number;
  onChange: (filter: ChecklistFilter) => void;
}

const ALL = '__all__';
const NONE = '__none__';

function ownerValue(owner: OwnerFilter): string {
  return owner.kind === 'all' ? ALL : owner.kind === 'none' ? NONE : `person:${owner.name}`;
}

function ownerFrom(value: string): OwnerFilter {
  if (value === ALL) return { kind: 'all' };
  if (value === NONE) return { kind: 'none' };
  return { kind: 'person', name: value.slice('person:'.length) };
}

/** Search and filters above the checklist; the count says how much is hidden. */
export function ChecklistFilterBar({ filter, owners, shown, total, onChange }: Props) {
  const { t } = useI18n();
  const ids = { search: useId(), status: useId(), owner: useId(), late: useId() };
  const active = isFiltering(filter);
  return (
    <search className="filter-bar" aria-label={t('filter.title')}>
      <div className="field filter-search">
        <label htmlFor={ids.search}>{t('filter.search')}</label>
        <input id={ids.search} type="search" value={filter.search} placeholder={t('filter.searchPlaceholder')} maxLength={200} onChange={(e) => onChange({ ...filter, search: e.target.value })} />
      </div>
      <div className="field">
        <label htmlFor={ids.status}>{t('filter.status')}</label>
        <select id={ids.status} value={filter.status} onChange={(e) => onChange({ ...filter, status: e.target.value as Status | 'all' })}>
          <option value="all">{t('filter.status.all')}</option>
          {STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`status.${status}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={ids.owner}>{t('filter.owner')}</label>
        <select id={ids.owner} value={ownerValue(filter.owner)} onChange={(e) => onChange({ ...filter, owner: ownerFrom(e.target.value) })}>
          <option value={ALL}>{t('filter.owner.all')}</option>
          <option value={NONE}>{t('filter.owner.none')}</option>
          {owners.map((owner) => (
            <option key={owner} value={`person:${owner}`}>
              {owner}
            </option>
          ))}
        </select>
      </div>
      <label className="checkbox" htmlFor={ids.late}>
        <input id={ids.late} type="checkbox" checked={filter.lateOnly} onChange={(e) => onChange({ ...filter, lateOnly: e.target.checked })} /> {t('filter.lateOnly')}
      </label>
      {active && (
        <p className="filter-count" role="status">
          {t('filter.showing', { shown, total })}{' '}
          <button type="button" className="button-quiet" onClick={() => onChange(NO_FILTER)}>
            {t('filter.clear')}
          </button>
        </p>
      )}
    </search>
  );
}
