import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareIso, formatDate } from '../../src/core/dates';

const isoDay = fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

describe('dates', () => {
  it('orders ISO days as time runs, whatever the days', () => {
    fc.assert(
      fc.property(isoDay, isoDay, (a, b) => {
        const byTime = Math.sign(Date.parse(a) - Date.parse(b));
        expect(compareIso(a, b)).toBe(byTime);
      }),
    );
  });

  it('puts deadlines in the order a reader expects', () => {
    expect(['2027-01-05', '2026-12-31', '2026-02-10', '2026-10-02'].sort(compareIso)).toEqual(['2026-02-10', '2026-10-02', '2026-12-31', '2027-01-05']);
  });

  it('writes a day as dd.mm.yyyy in both languages', () => {
    expect(formatDate('2026-11-24', 'da')).toBe('24.11.2026');
    expect(formatDate('2026-11-24T23:30:00Z', 'en')).toBe('24.11.2026');
  });
});
