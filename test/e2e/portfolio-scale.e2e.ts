import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMunicipality } from '../../src/core/checklist/create';
import { serializeMunicipality } from '../../src/core/schema/validate-municipality';
import { loadPacks } from '../../src/backend/packs/fs-packs';
import { launchChromium, startEdition, type Edition } from './harness';

/** Issue 13, point 5: one name this long used to push the heatmap out of view. */
const LONG_NAME = `Kommunen med det meget lange navn ${'og endnu flere ord '.repeat(5)}`.slice(0, 109) + 'x';
const COUNT = 500;

let edition: Edition;
let browser: Browser;

beforeAll(async () => {
  const location = await mkdtemp(path.join(tmpdir(), 'milepael-portfolio-e2e-'));
  await mkdir(path.join(location, 'municipalities'));
  const pack = (await loadPacks()).packs.find((p) => p.id === 'familieraadslagning')!;
  let n = 0;
  const env = { now: () => new Date('2026-11-23T10:00:00Z'), newId: () => `m${String(++n).padStart(4, '0')}` };
  for (let i = 1; i <= COUNT; i++) {
    const file = createMunicipality(pack, i === 250 ? LONG_NAME : `Kommune ${String(i).padStart(3, '0')}`, env);
    await writeFile(path.join(location, 'municipalities', `${file.id}.json`), serializeMunicipality(file));
  }
  edition = await startEdition({ location });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await edition?.server.close();
});

describe.each([
  [1366, 768],
  [1920, 1080],
])('the portfolio of 500 municipalities at %i×%i', (width, height) => {
  it('keeps a long name and the heatmap in view, scrolls inside its box and renders only the rows in view', async () => {
    expect(LONG_NAME).toHaveLength(110);
    const page = await browser.newPage({ viewport: { width, height }, locale: 'da-DK' });
    await page.goto(`${edition.url}#/portefoelje`);
    await page.getByText(`Viser ${COUNT} af ${COUNT} kommuner`).waitFor();
    const rendered = await page.locator('.portfolio-table tbody tr[aria-rowindex]').count();
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(100);
    expect(await page.locator('.portfolio-table').getAttribute('aria-rowcount')).toBe(String(COUNT + 1));
    // Milestone columns are named, not numbered.
    await page.locator('.milestone-col', { hasText: 'Lokaler' }).waitFor();
    expect(await page.locator('.milestone-col', { hasText: /^M\d+$/ }).count()).toBe(0);

    await page.getByLabel('Filtrér kommuner').fill('meget lange');
    await page.getByText(`Viser 1 af ${COUNT} kommuner`).waitFor();
    const name = page.locator('.portfolio-name').first();
    expect(await name.getAttribute('title')).toBe(LONG_NAME);
    const box = (await name.boundingBox())!;
    expect(box.width).toBeLessThan(300);
    const heat = (await page.locator('.portfolio-table tbody td.heat').first().boundingBox())!;
    expect(heat.x + heat.width).toBeLessThanOrEqual(width);
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(width);

    // A municipality far down the list is reached by scrolling the table's own box.
    await page.getByLabel('Filtrér kommuner').fill('');
    await page.getByText(`Viser ${COUNT} af ${COUNT} kommuner`).waitFor();
    await page.locator('.portfolio-scroll').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await page.getByRole('rowheader', { name: 'Kommune 500' }).waitFor();
    expect(await page.evaluate('window.scrollY')).toBe(0);
    await page.close();
  });
});
