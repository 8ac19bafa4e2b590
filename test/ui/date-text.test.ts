import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDateText, parseDateText } from '../../src/ui/date-text';

describe('typed dates, day first as in Denmark', () => {
  it('reads the ways people write a date', () => {
    for (const text of ['15.03.2026', '15.3.2026', ' 15-03-2026 ', '15/3/2026', '15.03.26', '2026-03-15']) expect(parseDateText(text), text).toBe('2026-03-15');
  });

  it('never reads a date month first (03.04 is 3 April)', () => {
    expect(parseDateText('03.04.2026')).toBe('2026-04-03');
  });

  it('refuses what is not a real date', () => {
    for (const text of ['', '31.02.2026', '29.02.2025', '00.01.2026', '15.13.2026', 'i morgen', '2026-3', '15.03']) expect(parseDateText(text), text).toBeNull();
    expect(parseDateText('29.02.2028')).toBe('2028-02-29');
  });

  it('property: what the field writes, it reads back as the same date', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date(Date.UTC(1950, 0, 1)), max: new Date(Date.UTC(2150, 11, 31)), noInvalidDate: true }), (date) => {
        const iso = date.toISOString().slice(0, 10);
        expect(formatDateText(iso)).toMatch(/^\d{2}\.\d{2}\.\d{4}$/);
        expect(parseDateText(formatDateText(iso))).toBe(iso);
      }),
    );
  });
});
