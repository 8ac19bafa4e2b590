import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { editionPageEachTest } from './harness';

const FIXTURES = fileURLToPath(new URL('../fixtures/evaluation', import.meta.url));
let page: Page;
editionPageEachTest((session) => ({ page } = session));

const plain = (text: string | null) => (text ?? '').replace(/[^\S\n]/g, ' ');

describe('evaluation of the conferences', () => {
  it('imports a register and answers, shows the Evaluering tab and the dashboard panel with benchmark and target, and exports the plan with its evaluation section', async () => {
    await page.getByLabel('Kommunens navn').fill('Ribe Kommune');
    await page.getByRole('button', { name: 'Opret', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Ribe Kommune' }).waitFor();
    expect(plain(await page.getByTestId('stage-title').textContent())).toBe('Udforskning');

    await page.getByRole('link', { name: 'Evaluering' }).click();
    const input = page.getByTestId('eval-import-input');
    await input.setInputFiles(path.join(FIXTURES, 'register.csv'));
    await expect.poll(async () => plain(await page.getByTestId('eval-import-status').textContent())).toContain('Importeret: 5 rækker (konferenceregister) for 3 måneder.');
    await page.getByTestId('eval-conferences').filter({ hasText: '3 første rådslagninger og 2 opfølgninger' }).waitFor();
    await page.getByTestId('eval-import-input').setInputFiles(path.join(FIXTURES, 'answers.csv'));
    await page.getByTestId('eval-conferences').filter({ hasText: '5 spørgeskemaer' }).waitFor();

    await page.getByLabel('Fra måned').selectOption({ label: 'januar' });
    await page.locator('.month-input').first().getByLabel('År').selectOption('2026');
    const register = page.getByTestId('eval-register-table');
    const planRow = register.getByRole('row', { name: /Rådslagninger med en plan/ });
    expect(plain(await planRow.textContent())).toContain('4 af 5');
    expect(plain(await planRow.textContent())).toContain('97 %');
    await page.getByLabel('Jeres mål for Rådslagninger med en plan (%)').fill('95');
    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)).toEqual([]);
    const items = page.getByTestId('eval-items-table');
    const heard = items.getByRole('row', { name: /^Barnet blev hørt/ });
    expect(plain(await heard.textContent())).toMatch(/5.*60 %.*20 %.*20 %.*86 %/);

    // A file with a CPR-like value is refused, naming the column, and nothing changes.
    await page.getByTestId('eval-import-input').setInputFiles({ name: 'cpr.csv', mimeType: 'text/csv', buffer: Buffer.from('dato;type;note\n2026-05-01;første;010190-1234\n') });
    await expect.poll(async () => plain(await page.getByTestId('eval-import-problems').textContent())).toContain('Kolonnen "note" indeholder noget, der ligner et CPR-nummer');
    await page.getByTestId('eval-conferences').filter({ hasText: '3 første rådslagninger og 2 opfølgninger' }).waitFor();

    await page.getByRole('link', { name: 'Overblik' }).click();
    const panel = page.getByTestId('evaluation-panel');
    await panel.waitFor();
    await panel.getByText('Sammenlign med Esbjerg og jeres mål').click();
    const row = panel.getByRole('row', { name: /Rådslagninger med en plan/ });
    await expect.poll(async () => plain(await row.textContent())).toMatch(/80 %.*4 af 5.*97 %.*95 %/);
    expect(plain(await panel.textContent())).toContain('Evaluering i gang: 5 skemaer i 2026');

    await page.getByRole('link', { name: 'Plan' }).click();
    const preview = page.locator('.plan-preview');
    await preview.getByRole('heading', { name: 'Evaluering og implementeringsstadie' }).waitFor();
    const [markdown] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Markdown' }).click()]);
    const text = plain(await readFile((await markdown.path())!, 'utf8')).replace(/ {2,}/g, ' ');
    expect(text).toContain('## Evaluering og implementeringsstadie');
    expect(text).toMatch(/\| Rådslagninger med en plan \| 80 % \| 4 af 5 \| 97 % \| 95 % \|/);
    expect(text).toContain('### Sådan er tallene regnet');
  });
});
