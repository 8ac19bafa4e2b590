// Screenshots of every screen at 1280×720 into test-results/screenshots, to look at as a user would.
import { mkdir } from 'node:fs/promises';
import { launchChromium, startEdition } from '../test/e2e/harness';

const out = 'test-results/screenshots';
await mkdir(out, { recursive: true });
const edition = await startEdition();
const browser = await launchChromium();
const lang = process.argv[2] === 'en' ? 'en' : 'da';
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 }, locale: lang === 'da' ? 'da-DK' : 'en-GB' });
  page.on('pageerror', (e) => console.error('page error:', e.message));
  page.on('console', (m) => m.type() === 'error' && console.error('console:', m.text()));
  await page.goto(edition.url);
  if (lang === 'en') await page.evaluate("localStorage.setItem('milepael.language', 'en')");
  await page.reload();
  await page.waitForSelector('h1');
  await page.screenshot({ path: `${out}/${lang}-0-empty.png` });
  await page.getByRole('button', { name: lang === 'da' ? 'Opret eksempelkommune' : 'Create example municipality' }).click();
  await page.waitForSelector('[data-testid="overall-score"]');
  await page.screenshot({ path: `${out}/${lang}-2-checklist.png` });
  await page.getByRole('button', { name: lang === 'da' ? 'Vis detaljer' : 'Show details' }).first().click();
  await page.screenshot({ path: `${out}/${lang}-3-details.png`, fullPage: false });
  await page.getByRole('link', { name: lang === 'da' ? 'Overblik' : 'Dashboard' }).click();
  await page.waitForSelector('.recharts-surface');
  await page.screenshot({ path: `${out}/${lang}-4-dashboard.png`, fullPage: true });
  await page.getByRole('link', { name: lang === 'da' ? 'År 1-forløb' : 'Year-1 flow' }).click();
  await page.screenshot({ path: `${out}/${lang}-5-flow.png` });
  await page.getByRole('link', { name: 'Plan' }).click();
  await page.locator('.plan-preview svg').first().waitFor();
  await page.screenshot({ path: `${out}/${lang}-6-plan.png` });
  for (let n = 0; n < 5; n++) await edition.service.create(`Kommune ${n + 1}`, n % 2 ? 'styrket-familiebehandling' : 'familieraadslagning');
  await page.goto(edition.server.url);
  await page.waitForSelector('.municipality-card');
  await page.screenshot({ path: `${out}/${lang}-1-start.png` });
  console.log(`screenshots in ${out}`);
} finally {
  await browser.close();
  await edition.server.close();
}
