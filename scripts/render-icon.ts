// Renders build/icon.svg to build/icon.png (512×512) for electron-builder, with Debian's Chromium.
import { readFile } from 'node:fs/promises';
import { launchChromium } from '../test/e2e/harness';

const svg = await readFile(new URL('../build/icon.svg', import.meta.url), 'utf8');
const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: 512, height: 512 } });
await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
await page.locator('svg').screenshot({ path: new URL('../build/icon.png', import.meta.url).pathname, omitBackground: true });
await browser.close();
console.log('wrote build/icon.png');
