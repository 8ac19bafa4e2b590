import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createI18n } from '../../src/ui/i18n';
import { formatDate, formatMonthName, formatShortMonth, formatWholePercent } from '../../src/ui/i18n/format';

// The app formats dates and percentages by hand (Intl's date patterns are slow to load on a cold
// page); these must read exactly as Intl writes them in the app's formats.
const intlDate = (language: 'da' | 'en', date: Date) =>
  new Intl.DateTimeFormat(language === 'da' ? 'da-DK' : 'en-GB', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }).format(date).replace(/\//g, '.');
const intlPercent = (language: 'da' | 'en', percent: number) => new Intl.NumberFormat(language === 'da' ? 'da-DK' : 'en-GB', { style: 'percent', maximumFractionDigits: 0 }).format(percent / 100);

describe('dates and percentages as the app writes them', () => {
  it('write a date as dd.mm.yyyy in both languages, as Intl does', () => {
    expect(formatDate('2026-03-05', 'da')).toBe('05.03.2026');
    expect(formatDate('2026-11-22T23:30:00.000Z', 'en')).toBe('22.11.2026');
    fc.assert(
      fc.property(fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2200-12-31T23:59:59Z'), noInvalidDate: true }), fc.constantFrom('da' as const, 'en' as const), (date, language) => {
        expect(formatDate(date.toISOString(), language)).toBe(intlDate(language, date));
        expect(formatDate(date.toISOString().slice(0, 10), language)).toBe(intlDate(language, date));
      }),
    );
  });

  it('show text that is not a date as it is', () => {
    expect(formatDate('snart', 'da')).toBe('snart');
    expect(formatDate('', 'en')).toBe('');
  });

  it('write a percentage as Intl does: "45 %" in Danish, "45%" in English, halves away from zero', () => {
    expect(formatWholePercent(45, 'da')).toBe('45\u00a0%');
    expect(formatWholePercent(44.5, 'en')).toBe('45%');
    expect(formatWholePercent(-2.5, 'da')).toBe('-3\u00a0%');
    // Where Intl writes "-0 %" for negative zero, the app writes 0.
    expect(formatWholePercent(-0, 'da')).toBe('0\u00a0%');
    const percent = fc.oneof(fc.integer({ min: -100_000, max: 100_000 }), fc.integer({ min: -2000, max: 2000 }).map((n) => n + 0.5), fc.double({ min: -1000, max: 1000, noNaN: true }).filter((n) => Math.abs((Math.abs(n) % 1) - 0.5) > 1e-6 && !Object.is(n, -0)));
    fc.assert(
      fc.property(percent, fc.constantFrom('da' as const, 'en' as const), (p, language) => {
        expect(formatWholePercent(p, language)).toBe(intlPercent(language, p));
      }),
    );
  });

  it("names every month as Intl's short month name does", () => {
    for (const language of ['da', 'en'] as const) {
      for (let month = 1; month <= 12; month++) {
        const intl = new Intl.DateTimeFormat(language === 'da' ? 'da-DK' : 'en-GB', { month: 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(2026, month - 1, 1)));
        expect(formatShortMonth(month, language)).toBe(intl);
      }
    }
  });

  it("names every month in full as Intl's long month name does", () => {
    for (const language of ['da', 'en'] as const) {
      for (let month = 1; month <= 12; month++) {
        const intl = new Intl.DateTimeFormat(language === 'da' ? 'da-DK' : 'en-GB', { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2026, month - 1, 1)));
        expect(formatMonthName(month, language)).toBe(intl);
      }
    }
  });

  it('the page formats a missing score as a dash', () => {
    const i18n = createI18n('da', () => undefined);
    expect(i18n.formatPercent(null)).toBe('–');
    expect(i18n.formatPercent(72)).toBe('72\u00a0%');
    expect(i18n.formatDate('2026-01-09')).toBe('09.01.2026');
  });
});
