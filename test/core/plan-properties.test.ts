import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { applyEdit, type ChecklistEdit } from '../../src/core/checklist/edits';
import { isOpen } from '../../src/core/checklist/summary';
import { actionGroups, columnWidths, roundedChange, trafficLight } from '../../src/core/plan';
import type { MunicipalityFile } from '../../src/core/schema/municipality';
import { fixedSample } from '../helpers/sample';

let sample: MunicipalityFile;
beforeAll(async () => {
  sample = await fixedSample();
});
const env = { now: () => new Date('2026-11-22T10:00:00Z'), newId: () => 'p1' };
const TODAY = '2026-11-22';

describe('the action plan, for any mix of statuses, owners and due dates', () => {
  it('lists every open item exactly once: overdue first, then by month, then those without a date or an owner', () => {
    const change = fc.record({
      index: fc.nat(),
      status: fc.constantFrom('not_started', 'in_progress', 'in_place', 'not_relevant'),
      owner: fc.constantFrom('', 'Projektleder', 'HR'),
      due: fc.option(fc.date({ min: new Date('2025-01-01'), max: new Date('2028-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10))),
    });
    fc.assert(
      fc.property(fc.array(change, { maxLength: 40 }), (changes) => {
        let file = sample;
        for (const c of changes) {
          const itemId = file.items[c.index % file.items.length]!.id;
          const edits: ChecklistEdit[] = [
            { type: 'setStatus', itemId, status: c.status },
            { type: 'setOwner', itemId, owner: c.owner },
            { type: 'setDueDate', itemId, dueDate: c.due },
          ];
          for (const e of edits) file = applyEdit(file, e, env);
        }
        const groups = actionGroups(file, TODAY);
        const listed = groups.flatMap((g) => g.items.map((i) => i.id));
        expect([...listed].sort()).toEqual(file.items.filter(isOpen).map((i) => i.id).sort());
        const kinds = groups.map((g) => g.kind);
        expect(kinds.filter((k) => k === 'overdue').length).toBeLessThanOrEqual(1);
        expect(kinds.indexOf('overdue')).toBeLessThanOrEqual(0);
        if (kinds.includes('unassigned')) expect(kinds.at(-1)).toBe('unassigned');
        const months = groups.filter((g) => g.kind === 'month').map((g) => g.month!);
        expect(months).toEqual([...months].sort());
        expect(new Set(months).size).toBe(months.length);
        for (const g of groups) {
          for (const i of g.items) {
            if (g.kind === 'unassigned') expect(i.dueDate === null || i.owner === '').toBe(true);
            else expect(i.dueDate !== null && i.owner !== '').toBe(true);
            if (g.kind === 'month') expect(i.dueDate!.startsWith(g.month!) && !i.overdue).toBe(true);
            if (g.kind === 'overdue') expect(i.overdue).toBe(true);
          }
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('column widths', () => {
  it('add up to the full width and give every column at least its share of a short word', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ maxLength: 200 }), { minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 20 }), (rows) => {
        const widths = columnWidths(rows);
        expect(widths).toHaveLength(Math.max(...rows.map((r) => r.length)));
        expect(widths.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 0);
        for (const w of widths) expect(w).toBeGreaterThan(0);
      }),
    );
  });

  it('give a bold header word more room than the same word in a body cell, so "Answers" is not split', () => {
    const long = 'The right questions were asked '.repeat(4);
    const headerWord = columnWidths([['Question', 'Answers'], [long, '149']]);
    const bodyWord = columnWidths([['Question', 'n'], [long, 'Answers']]);
    expect(headerWord[1]).toBeGreaterThan(bodyWord[1]!);
  });

  it('keep a column of dates wide enough for a whole date next to a column of long text', () => {
    const widths = columnWidths([['Beslutning', 'Senest'], ['x '.repeat(200), '06.12.2026']]);
    // 10 characters of 92 across the page, with padding: at least 13 % for the date column.
    expect(widths[1]).toBeGreaterThanOrEqual(13);
  });
});

describe('score changes', () => {
  it('are told from the rounded figures the reader sees (74 % → 82 % is +8)', () => {
    expect(roundedChange(74.4, 82.4)).toBe(8);
    expect(roundedChange(73.6, 82.4)).toBe(8);
    fc.assert(fc.property(fc.double({ min: 0, max: 100, noNaN: true }), fc.double({ min: 0, max: 100, noNaN: true }), (a, b) => roundedChange(a, b) === Math.round(b) - Math.round(a)));
  });

  it('and traffic lights follow the printed figure: 39.6 % prints as 40 % and is amber', () => {
    expect(trafficLight(39.6)).toBe('amber');
    expect(trafficLight(39.4)).toBe('red');
    expect(trafficLight(74.5)).toBe('green');
    expect(trafficLight(null)).toBe('grey');
  });
});
