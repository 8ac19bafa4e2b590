/**
 * How Milepæl writes a date, in one place for the screens, the plan (DOCX, PDF, Markdown, HTML,
 * XLSX) and the other exports, so a steering group never sees 23/11/2026 in a document about a
 * screen that said 23.11.2026. Both languages use dd.mm.yyyy today, the app's own format (its date
 * field takes it whatever the browser's language); the language is still asked for, so the day
 * one of them changes, this is the only place that does.
 *
 * Written by hand, not with Intl: the first Intl.DateTimeFormat of a page loads ICU's date
 * patterns (~50–70 ms in Chromium), on the critical path of every cold start of the renderer.
 */

export type DateLanguage = 'da' | 'en';

const pad = (n: number) => String(n).padStart(2, '0');

/** 22.11.2026; an ISO time is shown as its UTC date; anything unreadable as it is. */
export function formatDate(iso: string, _language: DateLanguage): string {
  const d = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${pad(d.getUTCDate())}.${pad(d.getUTCMonth() + 1)}.${d.getUTCFullYear()}`;
}

/** The same format for a spreadsheet cell holding a real date (Excel's number format codes). */
export function spreadsheetDateFormat(_language: DateLanguage): string {
  return 'dd.mm.yyyy';
}

/**
 * Orders ISO dates, months and times (yyyy-mm-dd…) as time runs. Their characters already sort
 * in time order, so a plain comparison is right; localeCompare is not needed and its first call
 * of a page builds an ICU collator (~50 ms in Chromium, measured on the dashboard's cold load).
 */
export function compareIso(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
