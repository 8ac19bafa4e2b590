import { execFileSync } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportPlan, planContextFromPack } from '../../src/backend/plan/export';
import { changesAppendix } from '../../src/backend/plan/changes-appendix';
import { createChromiumPdf, findChromium, type ChromiumPdf } from '../../src/backend/plan/pdf';
import { planOptionsSchema } from '../../src/core/plan/options';
import { bundledPack } from '../helpers/packs';
import { fixedSample, SAMPLE_TODAY } from '../helpers/sample';

/** Each page's lines of text (poppler's pdftotext), the running footer left out. */
async function pageLines(pdf: Uint8Array): Promise<string[][]> {
  const dir = await mkdtemp(path.join(tmpdir(), 'milepael-pages-'));
  const file = path.join(dir, 'plan.pdf');
  await writeFile(file, pdf);
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return text
    .split('\f')
    .filter((page, i, all) => i < all.length - 1 || page.trim() !== '')
    .map((page) => page.split('\n').map((line) => line.trim()).filter((line) => line !== '' && !/· Side \d+ \/ \d+$/.test(line)));
}

describe.skipIf(findChromium() === null)('the PDF plan’s pages', () => {
  let chromium: ChromiumPdf;
  let pages: string[][];
  beforeAll(async () => {
    chromium = createChromiumPdf();
    const sample = await fixedSample();
    const context = { ...planContextFromPack(await bundledPack('familieraadslagning')), appendices: [changesAppendix([], 'da')] };
    const plan = await exportPlan(sample, 'pdf', planOptionsSchema.parse({ author: 'Mette' }), SAMPLE_TODAY, chromium.render, { context });
    pages = await pageLines(plan.data);
  }, 120_000);
  afterAll(async () => {
    await chromium.close();
  });

  it('keeps the table of contents on one page with its heading', () => {
    const contents = pages.findIndex((lines) => lines.includes('Indhold'));
    expect(contents).toBeGreaterThanOrEqual(0);
    // The last entry of the contents is on the heading's page, not spilled alone onto the next.
    const after = pages[contents + 1]!;
    expect(pages[contents]!.join('\n')).toContain('Bilag: Kilder');
    expect(after.slice(0, 3).join('\n')).not.toContain('Bilag: Kilder');
  });

  it('gives a short section no page of its own: no page but the last holds under eight lines', () => {
    const thin = pages.slice(0, -1).flatMap((lines, i) => (lines.length < 8 ? [`page ${i + 1}: ${lines.join(' | ')}`] : []));
    expect(thin).toEqual([]);
    // The one-line appendix shares a page with what comes before it.
    const none = pages.find((lines) => lines.includes('Ingen ændringer siden sidste statusmåling.'))!;
    expect(none.length).toBeGreaterThan(8);
  });
});
