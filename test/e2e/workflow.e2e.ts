import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { tempWorkspace } from '../helpers/workspace';
import { editionPageEachTest, type Edition } from './harness';

let edition: Edition;
let page: Page;
editionPageEachTest((session) => ({ edition, page } = session), { open: false });

const openMunicipality = async (id: string, name: string) => {
  await page.goto(`${edition.url}#/kommune/${id}/tjekliste`);
  await page.getByRole('heading', { level: 1, name }).waitFor();
};
const visibleTitles = () => page.locator('article.item').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('aria-label')));

/** Municipality files as a consultant would send them, written to a folder. */
async function exportedFiles(count: number): Promise<string[]> {
  const source = await tempWorkspace();
  const folder = await mkdtemp(path.join(tmpdir(), 'milepael-files-'));
  const files: string[] = [];
  for (let n = 1; n <= count; n++) {
    const created = await source.service.create(`Kommune ${String(n).padStart(2, '0')}`, 'familieraadslagning');
    const exported = await source.service.exportFile(created.id);
    const file = path.join(folder, `${n}-${exported.fileName}`);
    await writeFile(file, exported.text);
    files.push(file);
  }
  return files;
}

describe('editing text', () => {
  it('keeps spaces while typing a milestone title and lets the field be emptied and retyped', async () => {
    const file = await edition.service.create('Vejle Kommune', 'familieraadslagning');
    await openMunicipality(file.id, 'Vejle Kommune');
    await page.getByLabel('Redigér tjeklisten').check();
    const title = page.locator('article.item').first().getByLabel('Titel');
    await title.fill('');
    await title.pressSequentially('Titel med mellemrum');
    expect(await title.inputValue()).toBe('Titel med mellemrum');
    await title.press('Enter');
    await page.getByLabel('Redigér tjeklisten').uncheck();
    await page.getByRole('heading', { level: 3, name: 'Titel med mellemrum' }).waitFor();
  });
});

describe('finding milestones', () => {
  it('"only late" and the owner filter show exactly the matching milestones', async () => {
    const file = await edition.service.create('Kolding Kommune', 'familieraadslagning');
    await edition.service.applyEdits(file.id, 0, [
      { type: 'setOwner', itemId: 'tovholder', owner: 'Mette Hansen' },
      { type: 'setDueDate', itemId: 'tovholder', dueDate: '2020-01-15' },
      { type: 'setOwner', itemId: 'lokaler', owner: 'Mette Hansen' },
      { type: 'setDueDate', itemId: 'lokaler', dueDate: '2099-01-15' },
      { type: 'setOwner', itemId: 'forplejning', owner: 'Jens Madsen' },
      { type: 'setDueDate', itemId: 'forplejning', dueDate: '2021-03-01' },
    ]);
    await openMunicipality(file.id, 'Kolding Kommune');
    expect(await visibleTitles()).toHaveLength(17);

    await page.getByLabel('Kun forsinkede').check();
    const late = await visibleTitles();
    expect(late).toHaveLength(2);
    await page.getByText('Viser 2 af 17 milepæle').waitFor();

    await page.getByLabel('Kun forsinkede').uncheck();
    await page.getByLabel('Ansvarlig', { exact: true }).first().selectOption({ label: 'Mette Hansen' });
    const mette = await visibleTitles();
    expect(mette).toHaveLength(2);
    await page.getByLabel('Kun forsinkede').check();
    expect(await visibleTitles()).toEqual([late.find((t) => mette.includes(t))]);

    await page.getByRole('button', { name: 'Nulstil filtre' }).click();
    await page.getByLabel('Søg i milepæle, spørgsmål, svar og noter').fill('forplejning');
    expect((await visibleTitles()).length).toBeGreaterThan(0);
    expect((await visibleTitles()).every((t) => t !== null)).toBe(true);
  });

  it('says where a search found its words when they are not in the title', async () => {
    const file = await edition.service.create('Vejle Kommune', 'familieraadslagning');
    await edition.service.applyEdits(file.id, 0, [{ type: 'setNotes', itemId: 'lokaler', notes: 'Aftalt med husleje-teamet' }]);
    await openMunicipality(file.id, 'Vejle Kommune');
    await page.getByLabel('Søg i milepæle, spørgsmål, svar og noter').fill('husleje');
    expect(await visibleTitles()).toHaveLength(1);
    await page.getByTestId('item-found').filter({ hasText: 'Fundet i noterne' }).waitFor();
    const lokaler = file.items.find((i) => i.id === 'lokaler')!.title;
    await page.getByLabel('Søg i milepæle, spørgsmål, svar og noter').fill(lokaler.split(' ')[0]!);
    await page.getByRole('heading', { level: 3, name: lokaler }).waitFor();
    expect(await page.locator('article', { hasText: lokaler }).getByTestId('item-found').count()).toBe(0);
  });
});

describe('importing', () => {
  it('imports 20 files chosen at once and says so', async () => {
    const files = await exportedFiles(20);
    await page.goto(edition.url);
    await page.getByRole('heading', { name: 'Arbejdsmappen er tom' }).waitFor();
    await page.getByLabel('Importér filer …').setInputFiles(files);
    await page.getByText('Import: 20 importeret, 0 opdateret, 0 afvist, 0 sprunget over.').waitFor();
    await page.getByText('20 kommuner').waitFor();
    expect(await edition.service.list()).toHaveLength(20);
  });

  it('refuses a file that is not a municipality file and imports the rest, naming the refused file', async () => {
    const [good] = await exportedFiles(1);
    const folder = await mkdtemp(path.join(tmpdir(), 'milepael-bad-'));
    const bad = path.join(folder, 'referat.json');
    await mkdir(folder, { recursive: true });
    await writeFile(bad, '{"ikke": "en kommune"}');
    await page.goto(edition.url);
    await page.getByLabel('Importér filer …').setInputFiles([good!, bad]);
    await page.getByText('Import: 1 importeret, 0 opdateret, 1 afvist, 0 sprunget over.').waitFor();
    await page.getByText('referat.json').waitFor();
  });

  it('offers to update a municipality imported a second time instead of adding a duplicate', async () => {
    const [file] = await exportedFiles(1);
    await page.goto(edition.url);
    await page.getByLabel('Importér filer …').setInputFiles([file!]);
    await page.getByText('Import: 1 importeret').waitFor();
    await page.getByLabel('Importér filer …').setInputFiles([file!]);
    await page.getByRole('heading', { name: 'Disse kommuner findes allerede' }).waitFor();
    await page.getByText('Ingen forskelle: filen svarer til kommunen her.').waitFor();
    await page.getByLabel('Opdatér kommunen med filen').check();
    await page.getByRole('button', { name: 'Fortsæt' }).click();
    await page.getByText('Import: 0 importeret, 1 opdateret, 0 afvist, 0 sprunget over.').waitFor();
    expect(await edition.service.list()).toHaveLength(1);
  });
});

describe('many municipalities', () => {
  it('shows a compact list with one row per municipality, remembered after a reload', async () => {
    for (const name of ['Assens Kommune', 'Billund Kommune', 'Dragør Kommune']) await edition.service.create(name, 'familieraadslagning');
    await page.goto(edition.url);
    await page.getByText('Liste', { exact: true }).click();
    const rows = page.getByRole('table').getByRole('row');
    expect(await rows.count()).toBe(4);
    await page.reload();
    await page.getByRole('table').waitFor();
    expect(await page.getByRole('table').getByRole('rowheader').allTextContents()).toEqual(['Assens Kommune', 'Billund Kommune', 'Dragør Kommune']);
  });
});
