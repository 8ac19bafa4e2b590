import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { localDateString } from '../../src/core/checklist/summary';
import { editionPageEachTest, type Edition } from './harness';

let edition: Edition;
let page: Page;
editionPageEachTest((session) => ({ edition, page } = session), { locale: 'en-US', open: false });

const saved = () => page.getByRole('status').filter({ hasText: 'Gemt' }).waitFor();

async function openSample(slug: string): Promise<string> {
  const sample = await edition.service.createSample();
  await page.goto(`${edition.url}#/kommune/${sample.id}/${slug}`);
  await page.getByTestId('overall-score').waitFor();
  return sample.id;
}

describe('the first-run tour', () => {
  it('shows on the first visit, steps through, and stays away once closed, also after a reload', async () => {
    await page.goto(edition.url);
    const tour = page.getByRole('region', { name: 'Velkommen til Milepæl' });
    await tour.waitFor();
    await tour.getByRole('button', { name: 'Næste' }).click();
    await tour.getByRole('heading', { name: 'Tjeklisten' }).waitFor();
    await tour.getByRole('button', { name: 'Spring over' }).click();
    expect(await tour.count()).toBe(0);
    await page.reload();
    await page.getByRole('heading', { name: 'Kommuner', level: 1 }).or(page.getByRole('heading', { name: 'Arbejdsmappen er tom' })).first().waitFor();
    expect(await page.getByRole('region', { name: 'Velkommen til Milepæl' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Introduktion' }).click();
    await page.getByRole('region', { name: 'Velkommen til Milepæl' }).waitFor();
  });
});

describe('dates follow the app, not the browser', () => {
  it('writes and reads dd.mm.yyyy in a browser set to US English, explains a wrong date, and picks from a calendar', async () => {
    await openSample('tjekliste');
    const first = page.locator('.item').first();
    await first.getByRole('button', { name: 'Vis detaljer' }).click();
    const due = first.getByLabel('Frist');
    expect(await due.getAttribute('placeholder')).toBe('dd.mm.åååå');
    await due.fill('5.3.2027');
    await due.press('Tab');
    expect(await due.inputValue()).toBe('05.03.2027');
    await saved();
    expect(await first.locator('.item-meta').textContent()).toContain('05.03.2027');

    await due.fill('31.02.2027');
    await due.press('Tab');
    await first.getByText('Skriv datoen som dd.mm.åååå').waitFor();
    expect(await due.getAttribute('aria-invalid')).toBe('true');
    expect(await first.locator('.item-meta').textContent()).toContain('05.03.2027');

    await first.getByRole('button', { name: 'Åbn kalender' }).click();
    const calendar = page.getByRole('dialog', { name: 'Åbn kalender' });
    await calendar.waitFor();
    // The Danish calendar starts the week on Monday.
    expect((await calendar.locator('thead th').first().textContent())?.toLowerCase()).toMatch(/^ma/);
    await calendar.getByRole('button', { name: /20\. marts 2027/ }).click();
    expect(await due.inputValue()).toBe('20.03.2027');
    expect(await calendar.count()).toBe(0);
    await saved();
    await page.reload();
    await page.locator('.item').first().getByRole('button', { name: 'Vis detaljer' }).click();
    expect(await page.locator('.item').first().getByLabel('Frist').inputValue()).toBe('20.03.2027');
  });
});

describe('the year-1 flow keeps its order', () => {
  it('says so when a step is marked done while a step it builds on has not started', async () => {
    // A step waiting for one that has not started: the example is past that point, so set it up.
    const sample = await edition.service.createSample();
    const steps = sample.items.filter((i) => i.kind === 'flow_step');
    const target = steps.find((s) => s.dependsOn.length > 0)!;
    await edition.service.applyEdits(sample.id, sample.revision, [
      { type: 'setStatus', itemId: target.dependsOn[0]!, status: 'not_started' },
      { type: 'setStatus', itemId: target.id, status: 'in_progress' },
    ]);
    await page.goto(`${edition.url}#/kommune/${sample.id}/forloeb`);
    await page.getByTestId('overall-score').waitFor();
    const row = page.locator(`li.flow-step[id="flow-step-${target.id}"]`);
    expect(await row.getByText('Udført uden for rækkefølge').count()).toBe(0);
    await row.getByText('På plads').click();
    await row.getByText(/^Udført uden for rækkefølge: .+ er ikke startet endnu\.$/).waitFor();
    expect(await page.locator(`.flowchart .flow-box[data-step="${target.id}"]`).getAttribute('class')).toContain('is-outOfOrder');
    expect(await page.locator(`.flowchart .flow-box[data-step="${target.id}"]`).textContent()).toContain('Udført uden for rækkefølge');
  });
});

describe('help where it is needed', () => {
  it('explains how the scores are worked out and why Organisering appears twice, labelled apart', async () => {
    await openSample('overblik');
    await page.getByText('Sådan regnes scorerne ud').click();
    await page.getByText(/Ikke startet 0, I gang 1 og På plads 2/).waitFor();
    await page.getByText('Drivere og faser: to måder at se på det samme arbejde').click();
    await page.getByText(/"Organisering" findes derfor to steder/).waitFor();
    expect(await page.getByRole('row', { name: /^Organisering \(driver\)/ }).count()).toBe(1);
    expect(await page.getByRole('row', { name: /^Organisering \(fase\)/ }).count()).toBe(1);
    expect(await page.getByRole('heading', { name: 'Implementeringsdrivere' }).count()).toBeGreaterThan(0);
    expect(await page.getByRole('heading', { name: 'Implementeringshjulet' }).count()).toBeGreaterThan(0);
  });
});

describe('the trend chart', () => {
  it('labels every assessment round on its axis, also when there are many', async () => {
    const sample = await edition.service.createSample();
    const rounds = ['2026-01-10', '2026-02-10', '2026-03-10', '2026-04-10', '2026-05-10'].map((date, n) => ({ type: 'recordSnapshot' as const, date, label: `Møde ${n + 1}` }));
    const updated = await edition.service.applyEdits(sample.id, sample.revision, rounds);
    await page.goto(`${edition.url}#/kommune/${sample.id}/overblik`);
    const ticks = page.locator('section[aria-labelledby="dash-trend"] .trend-x-label');
    await ticks.first().waitFor({ state: 'attached' });
    const labels = await ticks.allTextContents();
    expect(labels).toHaveLength(updated.assessment.snapshots.length);
    for (let n = 1; n <= 5; n++) expect(labels).toContain(`Møde ${n}`);
  });
});

describe('late and upcoming actions at 1366', () => {
  it('keep each date on one line and let a long title wrap inside its column', async () => {
    const sample = await edition.service.createSample();
    const item = sample.items.find((i) => i.kind === 'milestone' && i.status !== 'in_place')!;
    const title = 'Et meget langt navn på en handling, som styregruppen har skrevet i sin helhed, så den fylder mere end en linje i tabellen over kommende frister på overblikket';
    await edition.service.applyEdits(sample.id, sample.revision, [
      { type: 'setTitle', itemId: item.id, title },
      { type: 'setDueDate', itemId: item.id, dueDate: localDateString(new Date(Date.now() + 2 * 86_400_000)) },
    ]);
    await page.goto(`${edition.url}#/kommune/${sample.id}/overblik`);
    await page.locator('.action-table').first().waitFor();
    // Lines a cell's text is set on, counted from the text's own boxes.
    const lines = (cell: string) =>
      page.locator(cell).evaluateAll((cells) =>
        cells.map((c) => {
          const tops = new Set<number>();
          for (const node of c.childNodes) {
            if (node.nodeType !== 3 || !node.textContent?.trim()) continue;
            const range = c.ownerDocument.createRange();
            range.selectNodeContents(node);
            for (const r of range.getClientRects()) tops.add(Math.round(r.top));
          }
          return tops.size;
        }),
      );
    const dueLines = await lines('.action-table td.due');
    expect(dueLines.length).toBeGreaterThan(3);
    expect(dueLines.every((n) => n === 1)).toBe(true);
    const row = page.locator('.action-table tr', { hasText: title });
    expect(await row.locator('td').first().evaluate((c) => c.scrollWidth <= c.clientWidth + 1)).toBe(true);
    expect(Math.max(...(await lines('.action-table td:first-child')))).toBeGreaterThan(1);
  });
});
