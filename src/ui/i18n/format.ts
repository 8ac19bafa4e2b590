import type { Language } from './translate';

// Written by hand, not with Intl: the first Intl formatter of a page loads ICU's patterns
// (~50–70 ms in Chromium), on the critical path of every cold start. The results are the same as
// Intl's for these formats (test/ui/i18n-format.test.ts compares them). Dates are the core's
// (src/core/dates.ts), shared with the plan and the exports.
export { formatDate } from '../../core/dates';

function grouped(whole: number, separator: string): string {
  return String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

/** A whole percentage as Intl writes it: "45 %" (with a no-break space) in Danish, "45%" in English; half away from zero. */
export function formatWholePercent(percent: number, language: Language): string {
  const whole = Math.round(Math.abs(percent));
  const sign = percent < 0 ? '-' : '';
  return language === 'da' ? `${sign}${grouped(whole, '.')}\u00a0%` : `${sign}${grouped(whole, ',')}%`;
}

const SHORT_MONTHS: Record<Language, readonly string[]> = {
  da: ['jan.', 'feb.', 'mar.', 'apr.', 'maj', 'jun.', 'jul.', 'aug.', 'sep.', 'okt.', 'nov.', 'dec.'],
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sept', 'Oct', 'Nov', 'Dec'],
};

const MONTHS: Record<Language, readonly string[]> = {
  da: ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/** A month's full name (1 = January) as Intl writes it: "marts" in Danish, "March" in English. */
export function formatMonthName(month: number, language: Language): string {
  return MONTHS[language][month - 1] ?? String(month);
}

/** A month's short name (1 = January) as Intl writes it: "maj" in Danish, "Sept" in British English. */
export function formatShortMonth(month: number, language: Language): string {
  return SHORT_MONTHS[language][month - 1] ?? String(month);
}
