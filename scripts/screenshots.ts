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
  await page.waitForLoadState('networkidle');
  await page.evaluate('document.fonts.ready');
  await page.waitForTimeout(150);
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
    ] as const) {
      await page.goto(`${base}/${tab}`);
      await page.waitForSelector('[data-testid="overall-score"]');
      if (tab === 'overblik') await page.waitForSelector('.dashboard svg');
      if (tab === 'plan') await page.locator('.plan-preview svg').first().waitFor();
      await shot(`${n}-${tab}`, tab === 'overblik' || tab === 'forloeb');
      if (tab === 'tjekliste') {
        await page.locator('.item details, .item button[aria-expanded]').first().click();
        await shot('04-checklist-details');
      }
    }
    await page.goto(`${edition.url}#/portefoelje`);
    await page.waitForSelector('table');
    await shot('09-portfolio');
    await page.close();
  }
  console.log(`screenshots in ${out}`);
} finally {
  await browser.close();
  await edition.server.close();
}
