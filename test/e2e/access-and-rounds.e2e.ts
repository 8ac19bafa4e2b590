import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { localDateString } from '../../src/core/checklist/summary';
import { launchChromium, startEdition, type Edition } from './harness';

let browser: Browser;
let edition: Edition;

beforeAll(async () => {
  browser = await launchChromium();
  edition = await startEdition();
});
afterAll(async () => {
  await browser?.close();
  await edition?.server.close();
});

const today = () => localDateString(new Date());

describe('bookmarks and new tabs in the browser edition (issue 13, point 4)', () => {
  it('a second tab opened at a copied address shows the same municipality', async () => {
    const { id, name } = await edition.service.create('Bogmærke Kommune', 'familieraadslagning');
    const context = await browser.newContext();
    const first = await context.newPage();
    await first.goto(`${edition.url}#/kommune/${id}/tjekliste`);
    await first.getByRole('heading', { level: 1, name }).waitFor();
    const copied = first.url();
    expect(copied).not.toContain('token=');
    const second = await context.newPage();
    await second.goto(copied);
    await second.getByRole('heading', { level: 1, name }).waitFor();
    await context.close();
  });

  it('without the printed address, says that access is missing and how to get in', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(edition.server.url);
    await page.getByText('Denne side har ikke adgang til Milepæl').first().waitFor();
    expect(await page.locator('body').textContent()).not.toContain('Oplysningerne blev afvist');
    // Only the way in: no start screen waiting forever under the message, no tour.
    await page.getByRole('heading', { level: 1, name: 'Ingen adgang til Milepæl fra denne side' }).waitFor();
    expect(await page.getByText('Henter', { exact: false }).count()).toBe(0);
    expect(await page.getByRole('dialog').count()).toBe(0);
    await context.close();
  });
});

describe('assessment rounds on the Udvikling tab (issue 13, points 6 and 7)', () => {
  it('"Hvad har flyttet sig?" shows the previous round → the latest without touching a control', async () => {
    const created = await edition.service.create('Møde Kommune', 'familieraadslagning');
    await edition.service.applyEdits(created.id, 0, [
      { type: 'recordSnapshot', date: '2026-01-10', label: 'Styregruppe januar' },
      { type: 'setStatus', itemId: 'lokaler', status: 'in_place' },
      { type: 'recordSnapshot', date: '2026-03-10', label: 'Styregruppe marts' },
    ]);
    const page = await browser.newPage();
    await page.goto(`${edition.url}#/kommune/${created.id}/udvikling`);
    const from = page.getByLabel('Fra', { exact: true });
    await from.waitFor();
    expect(await from.locator('option:checked').textContent()).toContain('Styregruppe januar');
    expect(await page.getByLabel('Til', { exact: true }).locator('option:checked').textContent()).toContain('Styregruppe marts');
    const lokaler = created.items.find((i) => i.id === 'lokaler')!.title;
    await page.locator('.delta').getByText(lokaler).first().waitFor();
    await page.close();
  });

  it('registering a round with the same date and label as an existing one asks first', async () => {
    const created = await edition.service.create('Dublet Kommune', 'familieraadslagning');
    await edition.service.applyEdits(created.id, 0, [{ type: 'recordSnapshot', date: today(), label: 'Styregruppe' }]);
    const page = await browser.newPage();
    await page.goto(`${edition.url}#/kommune/${created.id}/udvikling`);
    await page.getByLabel('Betegnelse').fill('Styregruppe');
    await page.getByRole('button', { name: 'Registrér', exact: true }).click();
    await page.getByRole('alert').getByText('Der er allerede en statusmåling').waitFor();
    await page.getByRole('button', { name: 'Annullér' }).click();
    expect((await edition.service.open(created.id)).file.assessment.snapshots).toHaveLength(1);
    await page.getByRole('button', { name: 'Registrér', exact: true }).click();
    await page.getByRole('button', { name: 'Registrér alligevel' }).click();
    // Confirmed beside the form, where the person is looking (the list of rounds is far below).
    await page.getByRole('status').getByText(/Statusmålingen Styregruppe \(\d\d\.\d\d\.\d{4}\) er registreret/).waitFor();
    await vi.waitFor(async () => expect((await edition.service.open(created.id)).file.assessment.snapshots).toHaveLength(2), { timeout: 15_000 });
    await page.close();
  });

  it('a round on the same day as another asks even without a label, and the comparison then reaches back to an earlier day', async () => {
    const created = await edition.service.create('Samme Dag Kommune', 'familieraadslagning');
    await edition.service.applyEdits(created.id, 0, [
      { type: 'recordSnapshot', date: '2026-01-10', label: 'Styregruppe januar' },
      { type: 'setStatus', itemId: 'lokaler', status: 'in_place' },
      { type: 'recordSnapshot', date: today(), label: 'Styregruppe i dag' },
    ]);
    const page = await browser.newPage();
    await page.goto(`${edition.url}#/kommune/${created.id}/udvikling`);
    await page.getByRole('button', { name: 'Registrér', exact: true }).click();
    await page.getByRole('alert').getByText(/Der er allerede en statusmåling den .*\(Styregruppe i dag\)/).waitFor();
    await page.getByRole('button', { name: 'Registrér alligevel' }).click();
    await vi.waitFor(async () => expect((await edition.service.open(created.id)).file.assessment.snapshots).toHaveLength(3), { timeout: 15_000 });
    // Latest (today, no label) is compared with January, not with the other round of today.
    await expect.poll(() => page.getByLabel('Fra', { exact: true }).locator('option:checked').textContent()).toContain('Styregruppe januar');
    const lokaler = created.items.find((i) => i.id === 'lokaler')!.title;
    await page.locator('.delta').getByText(lokaler).first().waitFor();
    await page.close();
  });

  it('a round dated in the past asks, and can be recorded as of today instead', async () => {
    const created = await edition.service.create('Fortid Kommune', 'familieraadslagning');
    const page = await browser.newPage();
    await page.goto(`${edition.url}#/kommune/${created.id}/udvikling`);
    await page.getByLabel('Dato').fill('2025-06-01');
    await page.getByRole('button', { name: 'Registrér', exact: true }).click();
    await page.getByRole('alert').getByText('ligger før i dag').waitFor();
    await page.getByRole('button', { name: 'Brug dagens dato' }).click();
    await vi.waitFor(async () => expect((await edition.service.open(created.id)).file.assessment.snapshots.map((r) => r.date)).toEqual([today()]), {
      timeout: 15_000,
    });
    // A round without a label is named by its date once, not "dd.mm.yyyy (dd.mm.yyyy)".
    const [y, m, d] = today().split('-');
    expect(await page.locator('.history').textContent()).not.toContain(`${d}.${m}.${y} (${d}.${m}.${y})`);
    await page.close();
  });
});
