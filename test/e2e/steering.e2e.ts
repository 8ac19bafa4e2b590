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

  it('takes a decision date written dd.mm.yyyy in the app\'s own date field, keeps it after reload, and its calendar is not cut by the table', async () => {
    await page.getByRole('button', { name: 'Opret eksempelkommune' }).click();
    await page.getByRole('link', { name: 'Styring' }).click();
    const log = page.getByRole('region', { name: 'Beslutningslog' });
    await log.waitFor();
    // Issue 13: no native <input type="date"> (mm/dd/yyyy in a US-English browser) anywhere on the tab.
    expect(await page.locator('input[type="date"]').count()).toBe(0);
    await log.getByLabel('Dato (tilføj)').fill('05.03.2026');
    await log.getByLabel('Beslutning (tilføj)').fill('Styregruppen godkender planen for år 2');
    await log.getByRole('button', { name: 'Tilføj' }).click();
    await expect.poll(() => page.getByText('Gemt').count()).toBeGreaterThan(0);
    const rows = log.getByLabel(/^Dato \d+$/);
    const texts = await Promise.all((await rows.all()).map((r) => r.inputValue()));
    expect(texts).toContain('05.03.2026');

    await page.reload();
    await log.waitFor();
    await expect.poll(async () => Promise.all((await log.getByLabel(/^Dato \d+$/).all()).map((r) => r.inputValue()))).toContain('05.03.2026');

    // The calendar of a field in the table opens whole, outside the table's scroll box.
    await log.getByRole('button', { name: 'Åbn kalender' }).last().click();
    const calendar = page.getByRole('dialog', { name: 'Åbn kalender' });
    await calendar.waitFor();
    const box = (await calendar.boundingBox())!;
    expect(box.height).toBeGreaterThan(250);
    const shown = await calendar.evaluate((popup) => {
      const r = popup.getBoundingClientRect();
      const top = popup.ownerDocument.elementFromPoint(r.left + r.width / 2, r.top + r.height - 12);
      return popup.contains(top);
    });
    expect(shown).toBe(true);
  });

  it('saves a cleared decision date and a cleared resource date as no date, also after a reload', async () => {
    await page.getByRole('button', { name: 'Opret eksempelkommune' }).click();
    await page.getByRole('link', { name: 'Styring' }).click();
    const decisions = page.getByRole('region', { name: 'Beslutningslog' });
    const resources = page.getByRole('region', { name: 'Ressourcer', exact: true });
    await decisions.waitFor();
    const decisionDate = decisions.getByLabel('Dato 1', { exact: true });
    const resourceDate = resources.getByLabel('Frist 1', { exact: true });
    expect(await decisionDate.inputValue()).not.toBe('');
    expect(await resourceDate.inputValue()).not.toBe('');

    await decisionDate.fill('');
    await decisionDate.blur();
    await resourceDate.fill('');
    await resourceDate.blur();
    await expect.poll(() => page.getByText('Gemt').count()).toBeGreaterThan(0);
    expect(await decisionDate.inputValue()).toBe('');
    expect(await resourceDate.inputValue()).toBe('');
    // A field left empty is not a mistake to explain: "no date" is an answer.
    expect(await decisions.locator('[aria-invalid="true"]').count()).toBe(0);

    await page.reload();
    await decisions.waitFor();
    await expect.poll(() => decisions.getByLabel('Beslutning 1', { exact: true }).inputValue()).not.toBe('');
    expect(await decisions.getByLabel('Dato 1', { exact: true }).inputValue()).toBe('');
    expect(await resources.getByLabel('Frist 1', { exact: true }).inputValue()).toBe('');
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
