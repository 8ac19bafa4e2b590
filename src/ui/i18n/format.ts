import type { Language } from './translate';

// Written by hand, not with Intl: the first Intl.DateTimeFormat of a page loads ICU's date
// patterns (~50–70 ms in Chromium), on the critical path of every cold start. The results are
// the same as Intl's for these formats (test/ui/i18n-format.test.ts compares them).

const pad = (n: number) => String(n).padStart(2, '0');

/** 22.11.2026 in both languages (the app's own format); an ISO time is shown as its UTC date; anything unreadable as it is. */
export function formatDate(iso: string): string {
  const d = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${pad(d.getUTCDate())}.${pad(d.getUTCMonth() + 1)}.${d.getUTCFullYear()}`;
}

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
