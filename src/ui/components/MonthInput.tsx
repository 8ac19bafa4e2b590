import { useI18n } from '../i18n';
import { formatMonthName } from '../i18n/format';

interface Props {
  /** Given to the month's list, so the field's <label htmlFor> names it. */
  id: string;
  /** yyyy-mm, or '' for none (only when not required). */
  value: string;
  onChange: (month: string) => void;
  required?: boolean;
}

/** The first year offered: evaluation figures go back a few years, not decades. */
const FIRST_YEAR = 2015;

/**
 * A month as two lists, month and year, in the app's language. The browser's own month field
 * writes "January 2026" (and has no Danish) wherever the browser or the computer speaks English.
 */
export function MonthInput({ id, value, onChange, required = false }: Props) {
  const { t, language } = useI18n();
  const match = /^(\d{4})-(\d{2})$/.exec(value);
  const year = match ? Number(match[1]) : null;
  const month = match ? Number(match[2]) : null;
  const thisYear = new Date().getFullYear();
  const years: number[] = [];
  for (let y = Math.min(FIRST_YEAR, year ?? FIRST_YEAR); y <= Math.max(thisYear + 2, year ?? 0); y++) years.push(y);
  const change = (nextMonth: number | null, nextYear: number | null) => {
    if (nextMonth === null && nextYear === null) onChange('');
    // A month picked before its year (or the other way round) lands in this year / January, not nowhere.
    else onChange(`${nextYear ?? thisYear}-${String(nextMonth ?? 1).padStart(2, '0')}`);
  };
  return (
    <span className="month-input">
      <select id={id} required={required} value={month ?? ''} onChange={(e) => change(e.target.value === '' ? null : Number(e.target.value), e.target.value === '' ? null : year)}>
        {!required && <option value="">{t('design.month.none')}</option>}
        {Array.from({ length: 12 }, (_, n) => (
          <option key={n} value={n + 1}>
            {formatMonthName(n + 1, language)}
          </option>
        ))}
      </select>
      <select aria-label={t('design.month.year')} required={required} value={year ?? ''} onChange={(e) => change(e.target.value === '' ? null : month, e.target.value === '' ? null : Number(e.target.value))}>
        {!required && <option value="">–</option>}
        {years.map((y) => (
          <option key={y} value={y}>
            {y}
          </option>
        ))}
      </select>
    </span>
  );
}
