import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { editionPageEachTest } from './harness';

let page: Page;
editionPageEachTest((session) => ({ page } = session));

describe('the steering group in the app', () => {
  it('keeps a risk in the Styring tab and a flagged decision on an item, and both reach the plan', async () => {
    await page.getByRole('button', { name: 'Opret eksempelkommune' }).click();
    await page.getByRole('link', { name: 'Styring' }).click();
    await page.getByRole('heading', { name: 'Risici og barrierer' }).waitFor();
    await page.getByLabel('Beskrivelse (tilføj)').first().fill('Sygefravær blandt samordnerne i vinterferien');
    await page.getByRole('region', { name: 'Risici og barrierer' }).getByRole('button', { name: 'Tilføj' }).click();
    await expect.poll(() => page.getByText('Gemt').count()).toBeGreaterThan(0);

    await page.getByRole('link', { name: 'Tjekliste' }).click();
    const item = page.getByRole('article', { name: 'Der er afsat ressourcer til forplejning' });
    await item.getByRole('button', { name: 'Vis detaljer' }).click();
    await item.getByLabel('Til beslutning i styregruppen').check();
    await item.getByLabel('Hvad skal styregruppen beslutte?').fill('Hæv beløbet til forplejning i år 2');
    await item.getByLabel('Fremlægges af').fill('Økonomikonsulent');
    await item.getByRole('button', { name: 'Gem markering' }).click();

    await page.getByRole('link', { name: 'Plan' }).click();
    const preview = page.locator('.plan-preview');
    await expect.poll(() => preview.getByRole('cell', { name: 'Hæv beløbet til forplejning i år 2' }).count(), { timeout: 20_000 }).toBe(1);
    expect(await preview.getByText('Sygefravær blandt samordnerne i vinterferien').count()).toBe(1);
    expect(await preview.getByRole('heading', { name: 'Beslutninger til styregruppen' }).count()).toBe(1);
  });

  it("adds the method's roles with one button, undoes it like any edit, and the plan marks the roles nobody holds", async () => {
    await page.getByLabel('Kommunens navn').fill('Vejle Kommune');
    await page.getByRole('button', { name: 'Opret', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Vejle Kommune' }).waitFor();
    await page.getByRole('link', { name: 'Styring' }).click();
    const roles = page.getByRole('region', { name: 'Roller', exact: true });
    const rows = roles.getByLabel(/^Rolle \d+$/);
    const add = roles.getByRole('button', { name: 'Tilføj metodens roller' });
    await add.click();
    await expect.poll(() => rows.count()).toBe(6);
    expect(await Promise.all((await rows.all()).map((r) => r.inputValue()))).toEqual(['Projektleder', 'Implementeringsteam', 'Styregruppe', 'Tovholder', 'Samordnere', 'Informatører']);
    expect(await add.isDisabled()).toBe(true);

    await page.getByRole('button', { name: 'Fortryd' }).click();
    await expect.poll(() => rows.count()).toBe(0);
    await add.click();
    await expect.poll(() => rows.count()).toBe(6);
    await roles.getByLabel('Varetages af 4').fill('Teamleder, myndighed');
    await expect.poll(() => page.getByText('Gemt').count()).toBeGreaterThan(0);

    await page.getByRole('link', { name: 'Plan' }).click();
    const preview = page.locator('.plan-preview');
    await expect.poll(() => preview.getByRole('cell', { name: 'Teamleder, myndighed' }).count(), { timeout: 20_000 }).toBe(1);
    expect(await preview.getByRole('cell', { name: 'ikke besat', exact: true }).count()).toBe(5);
  });
});
