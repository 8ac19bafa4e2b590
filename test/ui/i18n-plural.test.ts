import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { da } from '../../src/ui/i18n/da';
import { en } from '../../src/ui/i18n/en';
import { translate } from '../../src/ui/i18n/translate';

describe('messages with a number', () => {
  it('use the singular for one, in Danish and in English', () => {
    expect(translate('da', 'start.count', { count: 1 })).toBe('1 kommune');
    expect(translate('da', 'start.count', { count: 2 })).toBe('2 kommuner');
    expect(translate('da', 'start.count', { count: 0 })).toBe('0 kommuner');
    expect(translate('en', 'start.count', { count: 1 })).toBe('1 municipality');
    expect(translate('en', 'start.count', { count: 3 })).toBe('3 municipalities');
    expect(translate('da', 'checklist.itemsInGroup', { count: 1 })).toBe('1 punkt');
    expect(translate('da', 'checklist.itemsInGroup', { count: 5 })).toBe('5 punkter');
    expect(translate('en', 'checklist.itemsInGroup', { count: 1 })).toBe('1 item');
    expect(translate('da', 'portfolio.shown', { shown: 1, total: 1 })).toBe('Viser 1 af 1 kommune');
    expect(translate('da', 'start.overdue', { count: 1 })).toBe('1 forsinket');
    expect(translate('en', 'history.points', { sign: '+', value: 1 })).toBe('+1 point');
    expect(translate('en', 'history.points', { sign: '+', value: 4 })).toBe('+4 points');
    expect(translate('da', 'signs.progress', { seen: 1, total: 3 })).toBe('1 af 3 tegn set');
    expect(translate('en', 'signs.progress', { seen: 1, total: 1 })).toBe('1 of 1 sign seen');
    expect(translate('da', 'fidelity.reviewedIn', { period: '2026', count: 1 })).toBe('2026 (1 rådslagning)');
    expect(translate('da', 'fidelity.reviewedIn', { period: '2026', count: 8 })).toBe('2026 (8 rådslagninger)');
  });

  it('say the reassessment interval as a caseworker would', () => {
    expect(translate('da', 'history.cadenceMonths', { months: 12 })).toBe('Én gang om året');
    expect(translate('da', 'history.cadenceMonths', { months: 1 })).toBe('Hver måned');
    expect(translate('da', 'history.cadenceMonths', { months: 3 })).toBe('Hver 3. måned');
    expect(translate('en', 'history.cadenceMonths', { months: 12 })).toBe('Once a year');
    expect(translate('en', 'history.cadenceMonths', { months: 3 })).toBe('Every 3 months');
  });

  it('never print a Danish or English singular noun after a number other than one', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 100000 }), (n) => {
        expect(translate('da', 'start.count', { count: n })).toBe(`${n} kommuner`);
        expect(translate('en', 'start.count', { count: n })).toBe(`${n} municipalities`);
      }),
    );
  });

  it('exist in both languages with the same keys', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(da).sort());
  });
});
