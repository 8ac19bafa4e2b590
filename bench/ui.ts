// Figures, not a test: the browser edition in Debian's Chromium, measured against a blank page.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import { createHandlers } from '../src/backend/handlers';
import { startWebServer } from '../src/web/server';
import { launchChromium, startEdition } from '../test/e2e/harness';
import { median, percentile, spread, verdict } from './stats';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);

/** The page's document, typed just enough for the ready checks (this file is type-checked for Node). */
type Doc = { querySelector(s: string): unknown; querySelectorAll(s: string): { length: number } };
// Serialised into the page, so each check names the document itself.
const blankReady = () => (globalThis as unknown as { document: Doc }).document.querySelector('h1') !== null;
/** Interactive: the scores, the dashboard's tables and its action lists are on screen and usable. */
const dashboardReady = () => {
  const d = (globalThis as unknown as { document: Doc }).document;
  return d.querySelector('[data-testid=overall-score]') !== null && d.querySelectorAll('.dashboard .data-table').length >= 4;
};
/** Every picture of the dashboard drawn: the wheel, the driver bars, the status bars and the trend (all SVG and HTML of our own). */
const chartsDrawn = () => {
  const d = (globalThis as unknown as { document: Doc }).document;
  return d.querySelector('.wheel-svg') !== null && d.querySelector('.driver-bars') !== null && d.querySelector('.status-bars') !== null && d.querySelector('.trend-svg .trend-series') !== null;
};

export async function benchUi(): Promise<void> {
  const blankDir = await mkdtemp(path.join(tmpdir(), 'milepael-blank-'));
  await build({ root: path.resolve('bench/blank'), base: './', plugins: [react()], logLevel: 'silent', build: { outDir: blankDir, emptyOutDir: true } });
  const edition = await startEdition();
  const sample = await edition.service.createSample();
  const blank = await startWebServer({ handlers: createHandlers(edition.service, { edition: 'browser', version: 'bench' }), staticDir: blankDir, log: () => undefined });
  const browser = await launchChromium();
  try {
    const blankTimes: number[] = [];
    const dashboardTimes: number[] = [];
    const chartTimes: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      for (const [target, times, ready] of [
        [blank.url, blankTimes, blankReady],
        [`${edition.url}#/kommune/${sample.id}/overblik`, dashboardTimes, dashboardReady],
      ] as const) {
        const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
        const page = await context.newPage();
        await page.goto(target, { waitUntil: 'commit' });
        await page.waitForFunction(ready, undefined, { polling: 'raf' });
        // Milliseconds since the navigation started, read in the page at the moment it was ready.
        times.push(await page.evaluate('performance.now()'));
        if (times === dashboardTimes) {
          await page.waitForFunction(chartsDrawn, undefined, { polling: 'raf' });
          chartTimes.push(await page.evaluate('performance.now()'));
        }
        await context.close();
      }
    }
    const ratio = median(dashboardTimes) / median(blankTimes);
    console.log(`browser edition, ${RUNS} cold loads each in a fresh context (median):`);
    const chartRatio = median(chartTimes) / median(blankTimes);
    console.log(`  blank Vite + React page (reference): ${spread(blankTimes, 'ms', 0)} to content`);
    console.log(`  dashboard of the example municipality: ${spread(dashboardTimes, 'ms', 0)} to interactive (scores, tables and action lists) = ${ratio.toFixed(2)}× the blank page (goal ≤ 1.5×) – ${verdict(ratio <= 1.5)}`);
    console.log(`  …until all four charts are drawn: ${spread(chartTimes, 'ms', 0)} = ${chartRatio.toFixed(2)}× (goal ≤ 2.5×) – ${verdict(chartRatio <= 2.5)}`);

    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(`${edition.url}#/kommune/${sample.id}/tjekliste`);
    await page.getByTestId('overall-score').waitFor();
    const radios = page.locator('.status-option');
    const count = await radios.count();
    for (let i = 0; i < 60; i++) await radios.nth((i * 7) % count).click();
    const durations = (await page.evaluate("performance.getEntriesByName('milepael:status-to-scores').map((e) => e.duration)")) as number[];
    const p95 = percentile(durations, 95);
    console.log(`  status change → scores re-rendered (${durations.length} clicks): ${spread(durations)}, p95 ${p95.toFixed(1)} ms (goal p95 < 16 ms) – ${verdict(p95 < 16)}`);
  } finally {
    await browser.close();
    await blank.close();
    await edition.server.close();
  }
}
