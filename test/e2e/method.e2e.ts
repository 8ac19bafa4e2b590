import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { editionPageEachTest } from './harness';

let page: Page;
editionPageEachTest((session) => ({ page } = session));

async function createMunicipality(name: string, pack?: string) {
  await page.getByLabel('Kommunens navn').fill(name);
  if (pack) await page.getByLabel('Metode').selectOption({ label: pack });
  await page.getByRole('button', { name: 'Opret', exact: true }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

const tab = (name: string) => page.getByRole('navigation', { name: 'Visninger' }).getByRole('link', { name, exact: true }).click();
const saved = () => page.getByRole('status').filter({ hasText: 'Gemt' }).waitFor();
const plain = (text: string | null) => (text ?? '').replace(/\s/g, ' ');

describe('the Metoden page', () => {
  it('shows the five cornerstones and the three steps, and the team can go through the cornerstones for a period', async () => {
    await createMunicipality('Vejle Kommune');
    await tab('Metoden');
    await page.getByRole('heading', { name: 'Hvad er metoden?' }).waitFor();
    const cornerstones = page.getByRole('region', { name: 'De fem hjørnesten' }).getByRole('listitem');
    expect(await cornerstones.locator('strong').allTextContents()).toEqual([
      'Den udvidede familie – netværket – deltager',
      'Familiens plan udarbejdes uden professionel medvirken',
      'Samordner faciliterer rådslagningen',
      'Planen vedtages med det samme af initiativtager',
      'Barnet eller den unge deltager altid',
    ]);
    const steps = page.getByRole('region', { name: 'De tre trin i en familierådslagning' }).getByRole('listitem');
    expect(await steps.locator('strong').allTextContents()).toEqual(['Trin 1: Information', 'Trin 2: Familiens egen tid', 'Trin 3: Godkendelse af planen']);
    await page.getByRole('heading', { name: 'Faser og fokusområder' }).waitFor();
    await page.getByRole('heading', { name: 'Forløbet i år 1' }).waitFor();
    await page.getByText('Implementeringsvejledning – Familierådslagning', { exact: true }).waitFor();

    await page.getByLabel('Periode').fill('1. halvår 2026');
    await page.getByLabel('Antal gennemgåede rådslagninger').fill('8');
    await page.getByLabel('Barnet eller den unge deltager altid').fill('6');
    await page.getByRole('button', { name: 'Gem gennemgang' }).click();
    const row = page.getByTestId('fidelity-rounds').getByRole('row', { name: /1\. halvår 2026/ });
    await row.waitFor();
    expect(plain(await row.textContent())).toContain('75 %');
    await saved();
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  });
});

describe('observable signs in Styrket familiebehandling', () => {
  it('ticking signs on an element changes what the dashboard shows', async () => {
    await createMunicipality('Randers Kommune', 'Styrket familiebehandling i udsatte familier');
    await tab('Overblik');
    const overall = page.getByTestId('signs-overall');
    expect(plain(await overall.textContent())).toContain('0 af 41 tegn set');
    const faglige = () => page.getByRole('region', { name: 'Principper i praksis' }).getByRole('meter', { name: 'Faglige elementer' }).getAttribute('aria-valuenow');
    expect(await faglige()).toBe('0');

    await tab('Tjekliste');
    const element = page.getByRole('article', { name: 'Systematisk relationsarbejde' });
    await element.getByRole('button', { name: 'Vis detaljer' }).click();
    await element.getByRole('checkbox', { name: 'Når et forløb starter, vurderer teamet, hvilken familiebehandler der passer bedst til familien.' }).check();
    await element.getByRole('checkbox', { name: /Relationen følges løbende op med systematisk feedback/ }).check();
    await element.getByText('2 af 3 tegn set').waitFor();
    await saved();

    await tab('Overblik');
    expect(plain(await overall.textContent())).toContain('2 af 41 tegn set');
    // 2 of the 25 signs of the four professional elements (7 + 3 + 8 + 7).
    expect(await faglige()).toBe(String(Math.round((2 / 25) * 100)));
    await page.reload();
    await page.getByTestId('signs-overall').waitFor();
    expect(plain(await page.getByTestId('signs-overall').textContent())).toContain('2 af 41 tegn set');
  });
});

describe('Styrket familiebehandling in English', () => {
  it('shows the principles, signs, resource notes and tools in English, and a tick is the same tick in Danish', async () => {
    await createMunicipality('Odense Kommune', 'Styrket familiebehandling i udsatte familier');
    await page.getByLabel('Sprog').selectOption('en');
    const view = (name: string) => page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name, exact: true }).click();
    await view('Checklist');
    const element = page.getByRole('article', { name: 'Systematic relationship work' });
    await element.getByRole('button', { name: 'Show details' }).click();
    await element.getByRole('checkbox', { name: 'When a course starts, the team considers which family therapist suits the family best.' }).check();
    await element.getByText('1 of 3 signs seen').waitFor();
    await element.getByText(/^The source counts the training for relationship work/).waitFor();
    await element.getByText(/Systematic feedback from the family on the relationship with the therapist/).waitFor();
    expect(await element.getByText(/Når et forløb starter|Kilden regner/).count()).toBe(0);
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();

    await view('The method');
    await page.getByText('Competencies of the group facilitator – 3 signs').waitFor();
    expect(await page.getByText(/Kompetencer hos gruppefacilitator/).count()).toBe(0);

    await page.getByLabel('Language').selectOption('da');
    await tab('Tjekliste');
    const danish = page.getByRole('article', { name: 'Systematisk relationsarbejde' });
    await danish.getByRole('button', { name: 'Vis detaljer' }).click();
    expect(await danish.getByRole('checkbox', { name: 'Når et forløb starter, vurderer teamet, hvilken familiebehandler der passer bedst til familien.' }).isChecked()).toBe(true);
  });
});

describe('the portfolio of Styrket familiebehandling', () => {
  it('shows only the evaluation column the method measures, the stage, where Familierådslagning shows all four', async () => {
    await createMunicipality('Randers Kommune', 'Styrket familiebehandling i udsatte familier');
    await page.getByRole('button', { name: 'Alle kommuner' }).click();
    await createMunicipality('Vejle Kommune', 'Familierådslagning');
    await page.getByRole('button', { name: 'Alle kommuner' }).click();
    await page.getByRole('button', { name: 'Sammenlign kommunerne (portefølje)' }).click();
    await page.getByRole('heading', { name: 'Portefølje' }).waitFor();
    const table = page.locator('.portfolio-table');
    const headers = () => table.getByRole('columnheader').allTextContents();
    const EVALUATION = ['Implementeringsstadie', 'Rådslagninger med en plan', 'Samlet tilfredshed', 'Fulgt op 3–6 mdr.'];

    await page.getByLabel('Metode').selectOption({ label: 'Familierådslagning' });
    await table.getByRole('rowheader', { name: 'Vejle Kommune' }).waitFor();
    expect((await headers()).slice(-4)).toEqual(EVALUATION);

    await page.getByLabel('Metode').selectOption({ label: 'Styrket familiebehandling i udsatte familier' });
    const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Randers Kommune' }) });
    await row.waitFor();
    const shown = await headers();
    expect(shown.at(-1)).toBe('Implementeringsstadie');
    expect(shown.filter((h) => EVALUATION.includes(h))).toEqual(['Implementeringsstadie']);
    expect(await row.getByRole('cell').last().textContent()).toBe('Udforskning');
    // Every row has a cell under every header, so no figure sits under the wrong column.
    expect(await row.getByRole('cell').count()).toBe(shown.length - 1);
  });
});
