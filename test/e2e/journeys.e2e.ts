import { readFile } from 'node:fs/promises';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { editionPageEachTest, type Edition } from './harness';

let edition: Edition;
let page: Page;
editionPageEachTest((session) => ({ edition, page } = session), { viewport: { width: 1280, height: 720 } });

async function createMunicipality(name: string) {
  await page.getByLabel('Kommunens navn').fill(name);
  await page.getByRole('button', { name: 'Opret', exact: true }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

const item = (title: string) => page.getByRole('article', { name: title });
/** Danish number formatting puts a no-break space before %, so compare with plain spaces. */
const plain = (text: string | null) => (text ?? '').replace(/\s/g, ' ');
const overall = async () => plain(await page.getByTestId('overall-score').textContent());
const saved = () => page.getByRole('status').filter({ hasText: 'Gemt' }).waitFor();
const meter = (label: string) => page.getByRole('meter', { name: label }).first().getAttribute('aria-valuenow');

async function expectNoSeriousAxeViolations() {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)).toEqual([]);
}

describe('a new user', () => {
  it('sees an empty start screen that offers an example, with no accessibility problems', async () => {
    await page.getByRole('heading', { name: 'Arbejdsmappen er tom' }).waitFor();
    await expectNoSeriousAxeViolations();
  });

  it('creates a municipality, sets statuses and sees every score change at once and after a reload', async () => {
    await createMunicipality('Aalborg Kommune');
    expect(await overall()).toBe('0 %');
    await item('Der er nedsat et beslutningsdygtigt implementeringsteam').getByText('På plads').click();
    // 2 of 34 possible points overall (the 17 milestones only, issue 12); Ledelse 2 of 10; Organisering phase 2 of 36
    expect(await overall()).toBe('6 %');
    expect(await meter('Ledelse')).toBe('20');
    expect(await meter('Organisering')).toBe('0');
    await item('Der er afsat ressourcer til forplejning').getByText('I gang').click();
    expect(await meter('Organisering')).toBe('6');
    await saved();
    await page.reload();
    await page.getByTestId('overall-score').waitFor();
    expect(await overall()).toBe('9 %');
    expect(await item('Der er nedsat et beslutningsdygtigt implementeringsteam').getByRole('radio', { name: 'På plads' }).isChecked()).toBe(true);
    await expectNoSeriousAxeViolations();
  });

  it('changes a status with the keyboard alone', async () => {
    await createMunicipality('Randers Kommune');
    const first = item('Kommunens formål med og målgruppe for indsatsen er beskrevet');
    await first.getByRole('radio', { name: 'Ikke startet' }).focus();
    await page.keyboard.press('ArrowRight');
    expect(await first.getByRole('radio', { name: 'I gang' }).isChecked()).toBe(true);
    expect(await overall()).toBe('3 %');
  });

  it('records owner, due date, answers, notes and evidence that survive a reload', async () => {
    await createMunicipality('Kolding Kommune');
    const tovholder = item('En medarbejder er udvalgt til at være tovholder i organisationen');
    await tovholder.getByRole('button', { name: 'Vis detaljer' }).click();
    await tovholder.getByLabel('Ansvarlig').fill('Mette Hansen');
    await tovholder.getByLabel('Frist').fill('2020-01-15');
    await tovholder.getByLabel('Kan der afsættes ressourcer til tovholderen, så rollen kan udfyldes ordentligt?').fill('Ja, 4 timer om ugen');
    await tovholder.getByLabel('Noter').fill('Aftalt på ledermødet');
    await tovholder.getByLabel('Beskrivelse').fill('Referat');
    await tovholder.getByLabel('Link eller sti').fill('https://intra.kolding.dk/referat');
    await tovholder.getByRole('button', { name: 'Tilføj dokumentation' }).click();
    await saved();
    await page.reload();
    const again = item('En medarbejder er udvalgt til at være tovholder i organisationen');
    await expect.poll(() => again.getByText('Forsinket', { exact: true }).isVisible()).toBe(true);
    await again.getByRole('button', { name: 'Vis detaljer' }).click();
    expect(await again.getByLabel('Ansvarlig').inputValue()).toBe('Mette Hansen');
    expect(await again.getByLabel('Kan der afsættes ressourcer til tovholderen, så rollen kan udfyldes ordentligt?').inputValue()).toBe('Ja, 4 timer om ugen');
    expect(await again.getByLabel('Noter').inputValue()).toBe('Aftalt på ledermødet');
    expect(await again.getByRole('link', { name: 'Referat' }).getAttribute('href')).toBe('https://intra.kolding.dk/referat');
    await expectNoSeriousAxeViolations();
  });

  it('edits the checklist: renames, adds, moves and removes milestones, and undoes', async () => {
    await createMunicipality('Vejle Kommune');
    await page.getByLabel('Redigér tjeklisten').check();
    await page.getByLabel('Ny milepæl under Ledelse').fill('Byrådet har godkendt indsatsen');
    await page.getByRole('button', { name: 'Tilføj milepæl' }).first().click();
    await page.getByRole('button', { name: 'Flyt op: Byrådet har godkendt indsatsen' }).click();
    await page.getByRole('article', { name: 'Der er afsat ressourcer til forplejning' }).getByRole('button', { name: 'Fjern punkt' }).click();
    await expectNoSeriousAxeViolations();
    await page.getByLabel('Redigér tjeklisten').uncheck();
    const ledelse = page.getByRole('region', { name: 'Ledelse' });
    const titles = await ledelse.getByRole('heading', { level: 3 }).allTextContents();
    expect(titles.slice(-2)).toEqual(['Byrådet har godkendt indsatsenEgen', 'Der er afsat ressourcer til, at indsatsen kan køre i projektperioden']);
    await page.getByRole('button', { name: 'Fortryd' }).click();
    expect(await page.getByRole('article', { name: 'Der er afsat ressourcer til forplejning' }).count()).toBe(1);
    await saved();
    await page.reload();
    await page.getByTestId('overall-score').waitFor();
    expect(await page.getByRole('article', { name: 'Byrådet har godkendt indsatsen' }).count()).toBe(1);
    expect(await page.getByRole('article', { name: 'Der er afsat ressourcer til forplejning' }).count()).toBe(1);
  });

  it('groups the checklist by wheel phase', async () => {
    await createMunicipality('Herning Kommune');
    await page.getByText('Fase i implementeringshjulet').click();
    const headings = await page.getByRole('heading', { level: 2 }).allTextContents();
    expect(headings).toEqual(expect.arrayContaining(['Mobilisering', 'Organisering', 'Gennemførelse', 'Evaluering']));
  });
});

describe('the dashboard and the year-1 flow', () => {
  it('shows charts with their numbers in tables, updated by a status change', async () => {
    await page.getByRole('button', { name: 'Opret eksempelkommune' }).click();
    await page.getByTestId('overall-score').waitFor();
    await page.getByRole('link', { name: 'Overblik' }).click();
    await page.locator('.trend-svg').first().waitFor();
    // the wheel and the driver bars, then the status distribution and the trend over the example's two earlier rounds
    expect(await page.locator('.wheel-svg').count()).toBe(1);
    expect(await page.locator('.driver-bars li').count()).toBe(3);
    expect(await page.locator('.status-bars li').count()).toBe(4);
    expect(await page.locator('.trend-svg .trend-series').count()).toBe(4);
    const drivers = page.locator('section[aria-labelledby="dash-drivers"]');
    await drivers.getByText('Vis tallene som tabel').click();
    const driverRow = page.getByRole('row', { name: /^Kompetencer/ });
    expect(plain(await driverRow.textContent())).toContain('67 %');
    expect(await page.getByRole('heading', { name: 'Forsinkede handlinger' }).isVisible()).toBe(true);
    await expectNoSeriousAxeViolations();
    await page.getByRole('link', { name: 'Tjekliste' }).click();
    await item('En medarbejder er udvalgt til at være tovholder i organisationen').getByText('På plads').click();
    await page.getByRole('link', { name: 'Overblik' }).click();
    await drivers.getByText('Vis tallene som tabel').click();
    expect(plain(await page.getByRole('row', { name: /^Kompetencer/ }).textContent())).toContain('83 %');
  });

  it('shows which first-year steps are done, ready or waiting for an earlier step', async () => {
    await page.getByRole('button', { name: 'Opret eksempelkommune' }).click();
    await page.getByRole('link', { name: 'Forløbet i år 1' }).click();
    await page.getByRole('heading', { name: 'Forløbet i år 1', exact: true }).waitFor();
    expect(await page.locator('.flow-steps .flow-state-done').count()).toBe(15);
    expect(await page.getByText(/^Venter på: /).count()).toBeGreaterThan(0);
    await expectNoSeriousAxeViolations();
  });
});

describe('progress over time', () => {
  it('records two assessment rounds with changes between them and shows what moved and the trend', async () => {
    await createMunicipality('Silkeborg Kommune');
    await page.getByRole('link', { name: 'Udvikling' }).click();
    await page.getByLabel('Dato').fill('2026-03-01');
    await page.getByLabel('Betegnelse').fill('Styregruppemøde marts');
    await page.getByRole('button', { name: 'Registrér', exact: true }).click();
    // A date before today is asked about: the round stores today's statuses.
    await page.getByRole('button', { name: 'Registrér alligevel' }).click();
    await page.getByRole('link', { name: 'Tjekliste' }).click();
    await item('Der er nedsat et beslutningsdygtigt implementeringsteam').getByText('På plads').click();
    await item('Lokaler er klar til brug og har de nødvendige faciliteter').getByText('I gang').click();
    await page.getByRole('link', { name: 'Udvikling' }).click();
    await page.getByLabel('Dato').fill('2026-06-01');
    await page.getByLabel('Betegnelse').fill('Styregruppemøde juni');
    await page.getByRole('button', { name: 'Registrér', exact: true }).click();
    // A date before today is asked about: the round stores today's statuses.
    await page.getByRole('button', { name: 'Registrér alligevel' }).click();

    await page.getByLabel('Fra', { exact: true }).selectOption({ label: 'Styregruppemøde marts (01.03.2026)' });
    await page.getByLabel('Til', { exact: true }).selectOption({ label: 'Styregruppemøde juni (01.06.2026)' });
    const delta = page.locator('.delta');
    expect(await delta.getByRole('listitem').filter({ hasText: 'Der er nedsat et beslutningsdygtigt implementeringsteam' }).textContent()).toMatch(/Ikke startet\s*→\s*.*På plads/);
    expect(plain(await delta.getByRole('row', { name: /^Ledelse/ }).textContent())).toContain('▲ +20 point');
    await page.locator('.history .trend-svg').first().waitFor();
    await page.locator('section[aria-labelledby="history-trend"]').getByText('Vis tallene som tabel').first().click();
    expect(plain(await page.getByRole('table', { name: 'Udvikling over tid' }).textContent())).toMatch(/Styregruppemøde juni – 01\.06\.2026.*20 %/);
    await expectNoSeriousAxeViolations();
    await saved();
    await page.reload();
    await page.getByRole('heading', { name: 'Statusmålinger' }).waitFor();
    expect(await page.locator('.rounds li').count()).toBe(2);
  });

  it('counts conferences by month against the yearly target, on the dashboard too', async () => {
    await createMunicipality('Varde Kommune');
    await page.getByRole('link', { name: 'Udvikling' }).click();
    await page.getByLabel('År', { exact: true }).fill('2026');
    await page.getByLabel('Mål for året (antal)').fill('190');
    await page.getByLabel('Forebyggende, jan. 2026').fill('12');
    await page.getByLabel('Anbragt, feb. 2026').fill('7');
    await page.getByText('19 af 190').waitFor();
    await page.getByRole('link', { name: 'Overblik' }).click();
    await page.getByText('19 af 190').waitFor();
  });
});

describe('the implementation plan', () => {
  it('previews the plan with the chosen options and downloads it as Word and PDF', async () => {
    await page.getByRole('button', { name: 'Opret eksempelkommune' }).click();
    await page.getByRole('link', { name: 'Plan' }).click();
    const preview = page.locator('.plan-preview');
    await preview.getByRole('heading', { name: 'Implementeringsplan: Familierådslagning' }).waitFor();
    expect(await preview.locator('svg').count()).toBe(3);
    await page.getByLabel('Udarbejdet af').fill('Mette Projektleder');
    await page.getByLabel('Åbne spørgsmål').uncheck();
    await expect.poll(() => preview.getByRole('cell', { name: 'Mette Projektleder' }).count()).toBe(1);
    await expect.poll(() => preview.getByRole('heading', { name: 'Åbne spørgsmål' }).count()).toBe(0);
    await expectNoSeriousAxeViolations();

    const [word] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Word (.docx)' }).click()]);
    expect(word.suggestedFilename()).toBe('implementeringsplan-eksempel-kommune.docx');
    const docx = await readFile((await word.path())!);
    expect(docx.subarray(0, 2).toString()).toBe('PK');
    const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'PDF' }).click()]);
    expect((await readFile((await pdf.path())!)).subarray(0, 5).toString()).toBe('%PDF-');
  });
});

describe('the start screen', () => {
  it('filters many municipalities, duplicates, renames, deletes with undo', async () => {
    for (let n = 1; n <= 12; n++) await edition.service.create(`Kommune ${String(n).padStart(2, '0')}`, 'familieraadslagning');
    await page.reload();
    await page.getByLabel('Søg efter kommune').fill('kommune 1');
    expect(await page.locator('.municipality-card').count()).toBe(3);
    await page.getByLabel('Søg efter kommune').fill('');
    const card = page.locator('.municipality-card').filter({ has: page.getByRole('button', { name: 'Kommune 03', exact: true }) });
    await card.getByRole('button', { name: 'Duplikér' }).click();
    await page.getByRole('button', { name: 'Kommune 03 (kopi)' }).waitFor();
    await card.getByRole('button', { name: 'Omdøb' }).click();
    await page.getByLabel('Nyt navn til Kommune 03').fill('Odder Kommune');
    await page.getByRole('button', { name: 'Gem' }).click();
    await page.getByRole('button', { name: 'Odder Kommune' }).waitFor();
    await page.locator('.municipality-card').filter({ hasText: 'Odder Kommune' }).getByRole('button', { name: 'Slet' }).click();
    await page.getByText('Odder Kommune er flyttet til papirkurven.').waitFor();
    // The notice can show before the list has reloaded: wait for the card to go, not for a count at one instant.
    await page.getByRole('button', { name: 'Odder Kommune' }).waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Fortryd' }).click();
    await page.getByRole('button', { name: 'Odder Kommune' }).waitFor();
    await expectNoSeriousAxeViolations();
  });

  it('shows a readable error when an import is not a municipality file, and writes nothing', async () => {
    await page.getByLabel('Importér filer …').setInputFiles({ name: 'budget.json', mimeType: 'application/json', buffer: Buffer.from('{"beløb": 100}') });
    const summary = page.getByRole('status').filter({ hasText: 'Import: 0 importeret, 0 opdateret, 1 afvist' });
    await summary.waitFor();
    await summary.getByText('Filen er ikke en gyldig Milepæl-kommunefil. Intet er importeret eller ændret.', { exact: false }).waitFor();
    await summary.getByText('budget.json').waitFor();
    // Which fields are wrong, in Danish like the rest (the backend's English words stay out).
    const text = await summary.innerText();
    expect(text).toContain('Feltet "schemaVersion": mangler eller er forkert, så det er nok ikke en Milepæl-kommunefil.');
    expect(text).not.toMatch(/is not a valid|Nothing was imported/);
    expect(await edition.service.list()).toEqual([]);
  });
});

describe('the portfolio', () => {
  it('shows 50 municipalities side by side, filters, sorts and anonymises them', async () => {
    for (let n = 1; n <= 50; n++) {
      const file = await edition.service.create(`Kommune ${String(n).padStart(2, '0')}`, 'familieraadslagning');
      if (n % 5 === 0) await edition.service.applyEdits(file.id, 0, [{ type: 'setStatus', itemId: 'lokaler', status: 'in_place' }]);
    }
    await page.reload();
    await page.getByRole('button', { name: 'Sammenlign kommunerne (portefølje)' }).click();
    await page.getByRole('heading', { name: 'Portefølje' }).waitFor();
    await page.getByText('Viser 50 af 50 kommuner').waitFor();
    const rows = page.locator('.portfolio-table tbody tr');
    expect(await rows.count()).toBe(50);
    await page.getByLabel('Filtrér kommuner').fill('kommune 4');
    await page.getByText('Viser 10 af 50 kommuner').waitFor();
    expect(await rows.count()).toBe(10);
    await page.getByLabel('Filtrér kommuner').fill('');
    await page.getByRole('button', { name: 'Sortér efter Samlet' }).click();
    // Sorting runs in a transition: wait for it rather than read the rows at one instant.
    await expect.poll(() => rows.first().locator('th').textContent()).toMatch(/Kommune (05|10|15|20|25|30|35|40|45|50)/);
    expect(await rows.first().getByText('På plads').count()).toBe(1);
    await expectNoSeriousAxeViolations();
    await page.getByLabel('Anonymisér navne (til præsentation)').check();
    await page.getByRole('rowheader', { name: 'Kommune A', exact: true }).waitFor();
    expect(await page.getByRole('rowheader', { name: /Kommune \d\d/ }).count()).toBe(0);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Eksportér til Excel' }).click()]);
    expect(download.suggestedFilename()).toBe('portefoelje-familieraadslagning.xlsx');
  });
});

describe('language', () => {
  it('switches to English and stays English after a reload, with dates and numbers per locale', async () => {
    await page.getByRole('button', { name: 'Opret eksempelkommune' }).click();
    await page.getByTestId('overall-score').waitFor();
    await page.getByLabel('Sprog').selectOption('en');
    await page.getByRole('link', { name: 'Dashboard' }).waitFor();
    // The pack's own English names: drivers and milestone titles on the checklist, phases on the dashboard.
    expect(await page.getByRole('heading', { name: 'Leadership', exact: true }).count()).toBe(1);
    expect(await page.getByRole('heading', { name: 'Ledelse', exact: true }).count()).toBe(0);
    const premises = page.getByRole('article', { name: 'Premises are ready for use and have the facilities needed' });
    await premises.waitFor();
    expect(await page.getByRole('article', { name: 'Lokaler er klar til brug og har de nødvendige faciliteter' }).count()).toBe(0);
    // The milestone's intro in the pack's English, not the Danish body of its file.
    await premises.getByRole('button', { name: 'Show details' }).click();
    await premises.getByText(/^The family group conference takes place somewhere neutral/).waitFor();
    expect(await premises.getByText(/Familierådslagningen holdes et neutralt sted/).count()).toBe(0);
    await page.getByRole('link', { name: 'Dashboard' }).click();
    await page.getByRole('meter', { name: 'Mobilisation' }).first().waitFor();
    await page.getByRole('link', { name: 'The method' }).click();
    await page.getByText('Gathering experience').first().waitFor();
    // The references in English: the five cornerstones with their points.
    await page.getByRole('heading', { name: 'The five cornerstones', exact: true }).waitFor();
    await page.getByRole('heading', { name: 'Review of the five cornerstones' }).waitFor();
    await page.getByText('The child or young person always takes part').first().waitFor();
    expect(await page.getByRole('heading', { name: 'De fem hjørnesten' }).count()).toBe(0);
    expect(await page.getByText('Familierådslagning (family group conference)').count()).toBeGreaterThan(0);
    await page.reload();
    await page.getByRole('button', { name: 'All municipalities' }).click();
    await page.getByRole('heading', { name: 'Municipalities' }).waitFor();
    const meta = await page.locator('.municipality-card .meta').textContent();
    expect(meta).toMatch(/Last edited \d{2}\.\d{2}\.\d{4}/);
    await page.getByLabel('Language').selectOption('da');
    expect(await page.locator('.municipality-card .meta').textContent()).toMatch(/Senest ændret \d{2}\.\d{2}\.\d{4}/);
  });
});
