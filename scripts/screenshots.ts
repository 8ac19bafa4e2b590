// Screenshots of every screen at 1366×768 (a municipal laptop) and 1920×1080 into docs/screenshots,
// with the longest texts the layout must hold. `npx tsx scripts/screenshots.ts [da|en]`.
// Then `pngquant --force --ext .png --quality 60-80 docs/screenshots/*.png` keeps them small.
import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { seedDesignData } from '../test/e2e/design-data';
import { launchChromium, startEdition } from '../test/e2e/harness';

const out = process.env.SCREENSHOT_DIR ?? 'docs/screenshots';
await mkdir(out, { recursive: true });
const lang = process.argv[2] === 'en' ? 'en' : 'da';
const edition = await startEdition();
const { sampleId } = await seedDesignData(edition.service);
const browser = await launchChromium();

async function settle(page: Page) {
  await page.evaluate('document.fonts.ready');
  await page.waitForTimeout(150);
}

/** One picture per design-system component for docs/design.md, taken from the real screens. */
async function components(page: Page, sampleId: string) {
  const dir = `${out}/components`;
  await mkdir(dir, { recursive: true });
  const grab = async (selector: string, name: string) => {
    // A component taller than the window is shot in pieces: the sticky app header must not land in the middle.
    await page.evaluate("document.querySelector('.app-header')?.style.setProperty('position', 'static')");
    const element = page.locator(selector).first();
    await element.scrollIntoViewIfNeeded();
    await settle(page);
    await element.screenshot({ path: `${dir}/${lang}-${name}.png` });
  };
  await page.evaluate("localStorage.removeItem('milepael.tourSeen')");
  await page.goto(edition.url);
  await grab('.tour', 'tour');
  await grab('.app-header', 'app-header');
  await grab('.create-form', 'inputs-select-buttons');
  await grab('.municipality-card', 'card');
  const base = `${edition.url}#/kommune/${sampleId}`;
  await page.goto(`${base}/tjekliste`);
  await page.waitForSelector('[data-testid="overall-score"]');
  await grab('.page-header', 'page-header');
  await grab('.tabs', 'tabs');
  await page.locator('.score-help summary').first().click();
  await grab('.score-summary', 'score-summary-with-help');
  await grab('.item', 'item-with-status-picker');
  await page.locator('.item button[aria-expanded]').first().click();
  await page.locator('.item .date-input button').first().click();
  await page.locator('.date-popover').waitFor();
  await page.setViewportSize({ width: 1366, height: 1100 });
  await page.locator('.item .date-input').first().evaluate((el) => el.scrollIntoView({ block: 'center' }));
  const field = (await page.locator('.item .date-input').first().boundingBox())!;
  await page.screenshot({ path: `${dir}/${lang}-date-input.png`, clip: { x: field.x - 8, y: field.y - 8, width: 340, height: 380 } });
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.keyboard.press('Escape');
  await page.goto(`${base}/overblik`);
  await page.waitForSelector('.wheel-svg');
  await grab('section[aria-labelledby="dash-wheel"]', 'wheel');
  await grab('section[aria-labelledby="dash-drivers"]', 'driver-bars');
  await grab('section[aria-labelledby="dash-overdue"]', 'action-tables');
  await page.goto(`${base}/forloeb`);
  await page.waitForSelector('.flow-arrow');
  await grab('.flow-chart-card', 'flowchart');
  await grab('.flow-step.is-waiting', 'flow-step-waiting');
  await page.goto(edition.url);
  await page.locator('.municipality-card').filter({ hasText: 'Esbjerg Kommune' }).getByRole('button', { name: lang === 'da' ? 'Slet' : 'Delete' }).click();
  await grab('.banner', 'banner');
}

try {
  for (const [width, height] of [
    [1366, 768],
    [1920, 1080],
  ] as const) {
    const page = await browser.newPage({ viewport: { width, height }, locale: lang === 'da' ? 'da-DK' : 'en-GB' });
    page.on('pageerror', (e) => console.error('page error:', e.message));
    await page.goto(edition.url);
    await page.evaluate(`localStorage.setItem('milepael.language', '${lang}')`);
    const shot = async (name: string, fullPage = false) => {
      await settle(page);
      await page.screenshot({ path: `${out}/${lang}-${width}-${name}.png`, fullPage });
    };
    await page.goto(edition.url);
    await page.waitForSelector('.municipality-card');
    await shot('01-start-tour');
    await page.evaluate("localStorage.setItem('milepael.tourSeen', '1')");
    await page.goto(edition.url);
    await page.waitForSelector('.municipality-card');
    await shot('02-start');
    const base = `${edition.url}#/kommune/${sampleId}`;
    for (const [n, tab] of [
      ['03', 'tjekliste'],
      ['05', 'overblik'],
      ['06', 'forloeb'],
      ['07', 'udvikling'],
      ['08', 'plan'],
      ['10', 'evaluering'],
      ['11', 'styring'],
      ['12', 'metoden'],
      ['13', 'aendringer'],
    ] as const) {
      await page.goto(`${base}/${tab}`);
      await page.waitForSelector('[data-testid="overall-score"]');
      if (tab === 'overblik') await page.waitForSelector('.dashboard svg');
      if (tab === 'plan') await page.locator('.plan-preview svg').first().waitFor();
      // Metoden and Styring fetch the method pack first: wait for their content, not the loading line.
      if (tab === 'metoden') await page.locator('.method-view section').first().waitFor();
      if (tab === 'styring') await page.locator('.steering-log').first().waitFor();
      if (tab === 'aendringer') await page.locator('.change-log').waitFor();
      await shot(`${n}-${tab}`, tab === 'overblik' || tab === 'evaluering');
      if (tab === 'tjekliste') {
        await page.locator('.item details, .item button[aria-expanded]').first().click();
        await shot('04-checklist-details');
      }
    }
    await page.goto(`${edition.url}#/portefoelje`);
    await page.waitForSelector('table');
    await shot('09-portfolio');
    if (width === 1366) await components(page, sampleId);
    await page.close();
  }
  console.log(`screenshots in ${out}`);
} finally {
  await browser.close();
  await edition.server.close();
}
