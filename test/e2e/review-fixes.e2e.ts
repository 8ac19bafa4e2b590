import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { bundledContentDir } from '../../src/backend/packs/fs-packs';
import { tempWorkspace } from '../helpers/workspace';
import { editionPageEachTest, startEdition, type Edition } from './harness';

let edition: Edition;
let page: Page;
editionPageEachTest((session) => ({ edition, page } = session), { open: false });

/** A good municipality file, one with an id the schema refuses, and a note, written to a folder. */
async function mixedFiles(): Promise<string[]> {
  const source = await tempWorkspace();
  const folder = await mkdtemp(path.join(tmpdir(), 'milepael-mixed-'));
  const created = await source.service.create('Kommune 01', 'familieraadslagning');
  const exported = await source.service.exportFile(created.id);
  const good = path.join(folder, 'god.json');
  await writeFile(good, exported.text);
  const bad = path.join(folder, 'forkert-id.json');
  await writeFile(bad, exported.text.replace(`"id": "${created.id}"`, '"id": "ikke gyldig!"'));
  const note = path.join(folder, 'notes.txt');
  await writeFile(note, 'Referat fra mødet');
  return [good, bad, note];
}

const summaryText = () => page.locator('.banner').filter({ hasText: 'Import' }).innerText();

describe('importing several files at once', () => {
  it('counts a file that is not JSON as refused, and words every refusal wholly in Danish', async () => {
    const files = await mixedFiles();
    await page.goto(edition.url);
    await page.getByLabel('Importér filer …').setInputFiles(files);
    await page.getByText('Import: 1 importeret, 0 opdateret, 2 afvist, 0 sprunget over.').waitFor();
    const text = await summaryText();
    expect(text).toContain('notes.txt');
    expect(text).toContain('Ikke en Milepæl-fil (.json).');
    expect(text).toContain('forkert-id.json');
    expect(text).toContain('Filen er ikke en gyldig Milepæl-kommunefil.');
    // The detail names the field and what is wrong, in Danish.
    expect(text).toContain('Feltet "id": må kun indeholde bogstaver, tal, ".", "_" og "-".');
    expect(text).not.toMatch(/is not a valid|Nothing was imported|must be/);
  });

  it('words every refusal wholly in English for an English reader', async () => {
    const files = await mixedFiles();
    await page.goto(edition.url);
    await page.evaluate("localStorage.setItem('milepael.language', 'en')");
    await page.reload();
    await page.getByLabel('Import files …').setInputFiles(files);
    await page.getByText('Import: 1 imported, 0 updated, 2 refused, 0 skipped.').waitFor();
    const text = await summaryText();
    expect(text).toContain('notes.txt');
    expect(text).toContain('The file is not a valid Milepæl municipality file.');
    expect(text).toContain('The field "id": may only contain letters, digits, ".", "_" and "-".');
    expect(text).not.toMatch(/Filen|Intet|Feltet/);
  });
});

describe('the start screen list at 1366×768', () => {
  it('fits its box without sideways scrolling, keeps the next deadline to two lines and offers rename', async () => {
    await edition.service.createSample();
    await edition.service.create('Ringkøbing-Skjern Kommune – Familierådslagning i Børne- og Familieafdelingen', 'styrket-familiebehandling');
    await edition.service.create('Aarhus Kommune', 'relationel-familieraadgivning');
    await page.goto(edition.url);
    await page.getByText('Liste', { exact: true }).click();
    const table = page.getByRole('table');
    await table.waitFor();
    // A string, so this file needs no DOM types.
    const box = (await page.evaluate(`(() => {
      const el = document.querySelector('table.municipality-table');
      const wrap = el.parentElement;
      const doc = document.documentElement;
      const right = wrap.getBoundingClientRect().right;
      return {
        tableRight: el.getBoundingClientRect().right,
        wrapRight: right,
        wrapScrolls: wrap.scrollWidth > wrap.clientWidth + 1,
        pageScrolls: doc.scrollWidth > doc.clientWidth + 1,
        buttonsOutside: [...el.querySelectorAll('button')].filter((b) => b.getBoundingClientRect().right > right + 1).map((b) => b.getAttribute('aria-label') || b.textContent),
        // The height of what the next-deadline cell shows (its text, not the row), in lines.
        nextLines: [...el.querySelectorAll('tbody tr')].map((tr) => {
          const cell = tr.children[3];
          const range = document.createRange();
          range.selectNodeContents(cell.firstElementChild || cell);
          const shown = cell.firstElementChild ? cell.firstElementChild.getBoundingClientRect() : range.getBoundingClientRect();
          return Math.round(shown.height / parseFloat(getComputedStyle(cell).lineHeight));
        }),
      };
    })()`)) as { tableRight: number; wrapRight: number; wrapScrolls: boolean; pageScrolls: boolean; buttonsOutside: string[]; nextLines: number[] };
    expect(box.buttonsOutside).toEqual([]);
    expect(box.tableRight).toBeLessThanOrEqual(box.wrapRight + 1);
    expect(box.wrapScrolls).toBe(false);
    expect(box.pageScrolls).toBe(false);
    expect(Math.max(...box.nextLines)).toBeLessThanOrEqual(2);

    const row = page.getByRole('row', { name: /Aarhus Kommune/ });
    await row.getByRole('button', { name: 'Omdøb' }).click();
    await row.getByLabel('Nyt navn til Aarhus Kommune').fill('Aarhus Kommune, Vest');
    await row.getByRole('button', { name: 'Gem' }).click();
    await page.getByRole('rowheader').getByRole('button', { name: 'Aarhus Kommune, Vest' }).waitFor();
    expect((await edition.service.list()).map((m) => m.name)).toContain('Aarhus Kommune, Vest');
  });
});

describe('names and titles', () => {
  it('says so by the field when a milestone is added without a title', async () => {
    const file = await edition.service.create('Vejle Kommune', 'familieraadslagning');
    await page.goto(`${edition.url}#/kommune/${file.id}/tjekliste`);
    await page.getByRole('heading', { level: 1, name: 'Vejle Kommune' }).waitFor();
    await page.getByLabel('Redigér tjeklisten').check();
    const form = page.locator('form.inline-form').first();
    await form.getByRole('button', { name: 'Tilføj milepæl' }).click();
    await form.getByText('Skriv en titel på milepælen først.').waitFor();
    expect(await form.getByRole('textbox').getAttribute('aria-invalid')).toBe('true');
    await form.getByRole('textbox').fill('Ny milepæl');
    expect(await form.getByText('Skriv en titel på milepælen først.').count()).toBe(0);
  });

  it('refuses a municipality name over 80 characters with a message, in the form and in the contract', async () => {
    await page.goto(edition.url);
    const name = page.getByLabel('Kommunens navn');
    await name.fill('K'.repeat(81));
    await page.locator('form.create-form').getByRole('button', { name: 'Opret' }).click();
    await page.getByText('Navnet må højst være 80 tegn (nu 81).').waitFor();
    expect(await edition.service.list()).toHaveLength(0);
    const answer = await page.evaluate(`fetch('/api/municipality.create', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: '${'K'.repeat(81)}', packId: 'familieraadslagning' }) }).then((r) => r.json())`);
    expect(JSON.stringify(answer)).toContain('invalid_input');
  });

  it('keeps a long municipality name to one line in the title, with the whole name on hover', async () => {
    const long = 'Ringkøbing-Skjern Kommune, Børne- og Familieafdelingen, Familierådslagning og Styrket Familiebehandling i Vest';
    const file = await edition.service.create(long, 'familieraadslagning');
    await page.goto(`${edition.url}#/kommune/${file.id}/tjekliste`);
    const title = page.getByRole('heading', { level: 1 });
    await title.waitFor();
    const lines = (await page.evaluate(`(() => { const h = document.querySelector('h1'); return Math.round(h.getBoundingClientRect().height / parseFloat(getComputedStyle(h).lineHeight)); })()`)) as number;
    expect(lines).toBe(1);
    expect(await title.locator('[title]').first().getAttribute('title')).toBe(long);
  });
});

/** The bundled pack with a newer version number, so the municipality screen offers an update. */
async function newerContent(): Promise<string> {
  const content = await mkdtemp(path.join(tmpdir(), 'milepael-content-'));
  await cp(path.join(bundledContentDir(), 'familieraadslagning'), path.join(content, 'familieraadslagning'), { recursive: true });
  const target = path.join(content, 'familieraadslagning', 'pack.yml');
  await writeFile(target, (await readFile(target, 'utf8')).replace(/^version: .*$/m, 'version: 9.0.0'));
  return content;
}

const heightOf = (selector: string) => page.evaluate(`(() => { const el = document.querySelector('${selector}'); return el ? Math.round(el.getBoundingClientRect().height) : null; })()`) as Promise<number | null>;

describe('the banners at the top of a municipality at 1366×768', () => {
  it('lets the name banner be closed for good, and keeps it and the pack-update banner to one line each', async () => {
    const file = await edition.service.create('Rebild Kommune', 'familieraadslagning');
    await edition.server.close();
    const newer = await startEdition({ location: edition.location, contentDir: await newerContent() });
    try {
      await bannersOf(newer, file.id);
    } finally {
      await newer.server.close();
    }
  });
});

async function bannersOf(newer: Edition, id: string): Promise<void> {
  await page.goto(`${newer.url}#/kommune/${id}/tjekliste`);
  await page.getByText('Skriv dit navn, så kollegerne kan se, hvem der har rettet hvad.').waitFor();
  await page.getByText('Der er en ny version af metodepakken').waitFor();
  // One line of text each (a banner with a control is about 50 px; two lines would be over 60).
  expect(await heightOf('.author-bar'), 'the name banner').toBeLessThanOrEqual(52);
  expect(await heightOf('.banner-info:not(.author-bar)'), 'the pack-update banner').toBeLessThanOrEqual(52);

  await page.getByRole('button', { name: 'Ikke nu' }).click();
  expect(await page.getByText('Skriv dit navn, så kollegerne kan se, hvem der har rettet hvad.').count()).toBe(0);
  await page.reload();
  await page.getByText('Der er en ny version af metodepakken').waitFor();
  expect(await page.getByText('Skriv dit navn, så kollegerne kan se, hvem der har rettet hvad.').count()).toBe(0);
  // The name can still be given: the line that replaces the banner offers it.
  await page.getByRole('button', { name: 'Skriv dit navn' }).click();
  await page.getByLabel('Dit navn').fill('Anna');
  await page.getByRole('button', { name: 'Gem navn' }).click();
  await page.getByText('Du retter som Anna').waitFor();
}

describe('the dashboard action lists at 1366×768', () => {
  it('keep each step to two lines, with the whole title on hover', async () => {
    const sample = await edition.service.createSample();
    await page.goto(`${edition.url}#/kommune/${sample.id}/overblik`);
    await page.locator('.dashboard-actions .action-table').first().waitFor();
    // Lines of each first cell's text as drawn, and whether the whole title is at hand.
    const cells = (await page.evaluate(`[...document.querySelectorAll('.dashboard-actions .action-table tbody td:first-child')].map((td) => {
      const s = getComputedStyle(td);
      const inner = td.getBoundingClientRect().height - parseFloat(s.paddingTop) - parseFloat(s.paddingBottom);
      return { lines: Math.round(inner / parseFloat(s.lineHeight)), text: td.textContent, title: td.querySelector('[title]')?.getAttribute('title') ?? null };
    })`)) as { lines: number; text: string; title: string | null }[];
    expect(cells.length).toBeGreaterThan(3);
    // The sample has steps of up to six lines at this width; none may take more than two.
    expect(Math.max(...cells.map((c) => c.lines))).toBeLessThanOrEqual(2);
    for (const c of cells) expect(c.title).toBe(c.text);
  });
});

describe('reordering the checklist by dragging', () => {
  it('moves a milestone to where it is dropped, and keeps it there after a reload', async () => {
    const file = await edition.service.create('Favrskov Kommune', 'familieraadslagning');
    await page.goto(`${edition.url}#/kommune/${file.id}/tjekliste`);
    await page.getByLabel('Redigér tjeklisten').check();
    const titles = () => page.locator('.group').first().locator('.item-row input[id$="-title"]').evaluateAll((inputs) => inputs.map((i) => (i as unknown as { value: string }).value));
    const before = await titles();
    const rows = page.locator('.group').first().locator('.item-row');
    await rows.nth(2).dragTo(rows.nth(0));
    await expect.poll(titles).toEqual([before[2], before[0], before[1], ...before.slice(3)]);
    await page.getByText('Gemt').first().waitFor();
    await page.reload();
    await page.getByLabel('Redigér tjeklisten').check();
    expect(await titles()).toEqual([before[2], before[0], before[1], ...before.slice(3)]);
  });
});
