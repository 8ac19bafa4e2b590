import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { tempWorkspace } from '../helpers/workspace';
import { editionPageEachTest, type Edition } from './harness';

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
