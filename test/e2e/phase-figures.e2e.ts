import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { editionPageEachTest } from './harness';

let page: Page;
editionPageEachTest((session) => {
  page = session.page;
});

/** Each meter's name and the figure it shows, in order. */
async function figures(meters: Locator): Promise<[string, string][]> {
  const out: [string, string][] = [];
  for (const meter of await meters.all()) out.push([(await meter.getAttribute('aria-label')) ?? '', (await meter.getAttribute('aria-valuetext')) ?? '']);
  return out;
}

describe('a wheel phase shows one figure', () => {
  it('the checklist grouped by phase shows the header’s phase score under the same name, and says what else it counts', async () => {
    await page.getByRole('button', { name: 'Opret eksempelkommune' }).click();
    const header = page.locator('.score-summary');
    await header.getByRole('heading', { name: 'Implementeringshjulet' }).waitFor();
    // The phases' column of the header (the drivers' column has names of its own, e.g. Organisering).
    const phases = await figures(header.locator('.score-columns > div').nth(1).getByRole('meter'));
    expect(phases.length).toBeGreaterThan(2);

    await page.getByRole('link', { name: 'Tjekliste' }).click();
    await page.getByText('Fase i implementeringshjulet').click();
    const groups = await figures(page.locator('.group-head').getByRole('meter'));
    const shared = groups.filter(([name]) => phases.some(([phase]) => phase === name));
    expect(shared.length).toBe(phases.length);
    for (const [name, value] of shared) expect([name, value]).toEqual(phases.find(([phase]) => phase === name));
    // A phase whose score also counts steps of the year-1 flow says so beside the figure.
    await expect.poll(async () => (await page.locator('.group-head').allTextContents()).join(' ')).toMatch(/tæller også \d+ trin i forløbet i år 1/);
  });
});
