import { beforeAll, describe, expect, it } from 'vitest';
import { applyEdit, type ChecklistEdit } from '../../src/core/checklist/edits';
import { findDips, sortedSnapshots } from '../../src/core/history';
import type { MunicipalityFile } from '../../src/core/schema/municipality';
import { fixedSampleWithoutHistory } from '../helpers/sample';

let sample: MunicipalityFile;
beforeAll(async () => {
  sample = await fixedSampleWithoutHistory();
});

let ids = 0;
const at = (day: string) => ({ now: () => new Date(`${day}T12:00:00.000Z`), newId: () => `t${++ids}` });
const apply = (file: MunicipalityFile, day: string, ...edits: ChecklistEdit[]) => edits.reduce((f, e) => applyEdit(f, e, at(day)), file);

describe('implementation dips (issue 13, point 16: no false dips)', () => {
  it('adding a milestone between two rounds is no dip, though the driver score falls', () => {
    let file = apply(sample, '2026-01-10', { type: 'recordSnapshot', date: '2026-01-10', label: 'Januar' });
    file = apply(file, '2026-04-10', { type: 'addItem', title: 'Eget punkt om lokal forankring', driverId: 'ledelse' }, { type: 'recordSnapshot', date: '2026-04-10', label: 'April' });
    const [january, april] = sortedSnapshots(file);
    expect(april!.scores.drivers.ledelse!).toBeLessThan(january!.scores.drivers.ledelse!);
    expect(findDips(file, sortedSnapshots(file))).toEqual([]);
  });

  it('marking an item not relevant is no dip; moving the same item back is', () => {
    const inPlace = sample.items.find((i) => i.kind === 'milestone' && i.status === 'in_place' && i.driverId === 'ledelse')!;
    const inProgress = sample.items.find((i) => i.kind === 'milestone' && i.status === 'in_progress' && i.driverId === 'ledelse')!;
    let file = apply(sample, '2026-01-10', { type: 'recordSnapshot', date: '2026-01-10', label: 'Januar' });
    file = apply(file, '2026-02-10', { type: 'setStatus', itemId: inProgress.id, status: 'not_relevant' }, { type: 'recordSnapshot', date: '2026-02-10', label: 'Februar' });
    expect(findDips(file, sortedSnapshots(file))).toEqual([]);
    file = apply(file, '2026-03-10', { type: 'setStatus', itemId: inPlace.id, status: 'in_progress' }, { type: 'recordSnapshot', date: '2026-03-10', label: 'Marts' });
    expect(findDips(file, sortedSnapshots(file)).map((d) => [d.group, d.toDate])).toEqual(expect.arrayContaining([['ledelse', '2026-03-10']]));
  });
});
