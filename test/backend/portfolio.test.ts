import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { tempWorkspace, testClock } from '../helpers/workspace';

describe('the portfolio', () => {
  it('puts every municipality on the method side by side, with statuses, scores and overdue counts', async () => {
    const { service } = await tempWorkspace(testClock().env);
    const sample = await service.createSample();
    const other = await service.create('Billund Kommune', 'familieraadslagning');
    await service.applyEdits(other.id, 0, [{ type: 'setStatus', itemId: 'lokaler', status: 'in_place' }, { type: 'addItem', title: 'Egen milepæl', driverId: 'ledelse' }]);
    await service.create('Odense Kommune', 'styrket-familiebehandling');
    const portfolio = await service.portfolio('familieraadslagning', false);
    expect(portfolio.municipalities.map((m) => m.name)).toEqual(['Billund Kommune', 'Eksempel Kommune']);
    expect(portfolio.milestones).toHaveLength(17);
    const billund = portfolio.municipalities[0]!;
    expect(Object.keys(billund.statuses)).toHaveLength(17);
    expect(billund.statuses.lokaler).toBe('in_place');
    const eksempel = portfolio.municipalities[1]!;
    expect(eksempel).toMatchObject({ id: sample.id, overdueCount: 2, lastAssessment: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
  });

  it('replaces names in anonymised mode, in an order that does not follow the names', async () => {
    const { service } = await tempWorkspace({ now: () => new Date('2026-11-22T10:00:00Z'), newId: (() => { const ids = ['c', 'a', 'b']; return () => ids.shift()!; })() });
    for (const name of ['Aarhus Kommune', 'Brøndby Kommune', 'Citykommune']) await service.create(name, 'familieraadslagning');
    const named = await service.portfolio('familieraadslagning', false);
    const anonymous = await service.portfolio('familieraadslagning', true);
    const nameOf = (id: string, p: typeof named) => p.municipalities.find((m) => m.id === id)!.name;
    expect(['a', 'b', 'c'].map((id) => nameOf(id, anonymous))).toEqual(['Kommune A', 'Kommune B', 'Kommune C']);
    expect(nameOf('c', named)).toBe('Aarhus Kommune');
    expect(JSON.stringify(anonymous)).not.toMatch(/Aarhus|Brøndby|Citykommune/);
  });

  it('exports to Excel with one row per municipality and a status cell per milestone', async () => {
    const { service } = await tempWorkspace(testClock().env);
    await service.createSample();
    await service.create('Billund Kommune', 'familieraadslagning');
    const file = await service.exportPortfolio('familieraadslagning', true, 'da');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.data) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Portefølje')!;
    expect(sheet.rowCount).toBe(3);
    const header = sheet.getRow(1).values as unknown[];
    expect(header.slice(1, 4)).toEqual(['Kommune', 'Samlet (%)', 'Ledelse (%)']);
    // The milestones under the short names the screen shows, in the screen's order, the full title in a note.
    const portfolio = await service.portfolio('familieraadslagning', true);
    const shortNames = portfolio.milestones.map((m) => m.shortTitle);
    expect(header.slice(-17)).toEqual(shortNames);
    expect(header.some((h) => typeof h === 'string' && /^M\d+$/.test(h))).toBe(false);
    const firstMilestone = sheet.getRow(1).getCell(header.length - 17);
    expect(firstMilestone.note).toBe('Kommunens formål med og målgruppe for indsatsen er beskrevet');
    // Rows in the screen's default order: by the name shown, A before B.
    expect([sheet.getRow(2).getCell(1).value, sheet.getRow(3).getCell(1).value]).toEqual(['Kommune A', 'Kommune B']);
    expect(workbook.getWorksheet('Milepæle')!.getRow(2).values).toEqual([undefined, shortNames[0], 'Kommunens formål med og målgruppe for indsatsen er beskrevet']);
  });
});
