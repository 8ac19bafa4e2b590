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

async function written(pdf: Uint8Array): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'milepael-pages-'));
  const file = path.join(dir, 'plan.pdf');
  await writeFile(file, pdf);
  return file;
}

const FOOTER = /· (Side|Page) \d+ \/ \d+$/;

/** Each page's lines of text (poppler's pdftotext), the running footer left out. */
function pageLines(file: string): string[][] {
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return text
    .split('\f')
    .filter((page, i, all) => i < all.length - 1 || page.trim() !== '')
    .map((page) => page.split('\n').map((line) => line.trim()).filter((line) => line !== '' && !FOOTER.test(line)));
}

/** How far down each page's text reaches, as a share of the A4 page's area inside the margins (20 mm top, 22 mm bottom). */
function pageFill(file: string): number[] {
  const boxes = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const mm = 72 / 25.4;
  return boxes
    .split('<page ')
    .slice(1)
    .map((page) => {
      const height = Number(/height="([\d.]+)"/.exec(page)?.[1]);
      const top = 20 * mm;
      const bottom = height - 22 * mm;
      const ends = [...page.matchAll(/<word [^>]*yMax="([\d.]+)"/g)].map((m) => Number(m[1])).filter((y) => y <= bottom + 2);
      return ends.length === 0 ? 0 : (Math.max(...ends) - top) / (bottom - top);
    });
}

describe.skipIf(findChromium() === null)('the PDF plan’s pages', () => {
  let chromium: ChromiumPdf;
  const plans: Record<'da' | 'en', { file: string; pages: string[][]; fill: number[]; labels: Set<string> }> = {} as never;
  beforeAll(async () => {
    chromium = createChromiumPdf();
    const sample = await fixedSample();
    for (const language of ['da', 'en'] as const) {
      const context = { ...planContextFromPack(await bundledPack('familieraadslagning')), appendices: [changesAppendix([], language)] };
      const options = planOptionsSchema.parse({ author: 'Mette', language });
      const plan = await exportPlan(sample, 'pdf', options, SAMPLE_TODAY, chromium.render, { context });
      const markdown = await exportPlan(sample, 'md', options, SAMPLE_TODAY, chromium.render, { context });
      // Headings and the bold lines that label what follows them.
      const labels = new Set(
        Buffer.from(markdown.data)
          .toString('utf8')
          .split('\n')
          .flatMap((line) => /^#{2,4} (.+)$/.exec(line)?.[1] ?? /^\*\*([^*]+)\*\*$/.exec(line)?.[1] ?? []),
      );
      const file = await written(plan.data);
      plans[language] = { file, pages: pageLines(file), fill: pageFill(file), labels };
    }
  }, 180_000);
  afterAll(async () => {
    await chromium.close();
  });

  it('keeps the table of contents on one page with its heading', () => {
    const pages = plans.da.pages;
    const contents = pages.findIndex((lines) => lines.includes('Indhold'));
    expect(contents).toBeGreaterThanOrEqual(0);
    // The last entry of the contents is on the heading's page, not spilled alone onto the next.
    const after = pages[contents + 1]!;
    expect(pages[contents]!.join('\n')).toContain('Bilag: Kilder');
    expect(after.slice(0, 3).join('\n')).not.toContain('Bilag: Kilder');
  });

  it('gives the steering group page 1 whole, in Danish and in English: page 2 starts with the next section', () => {
    expect(plans.da.pages[1]![0]).toBe('Dokumentstyring');
    expect(plans.en.pages[1]![0]).toBe('Document control');
  });

  it('leaves no page but the last less than half full: sections follow on the same page', () => {
    for (const language of ['da', 'en'] as const) {
      const thin = plans[language].fill.slice(0, -1).flatMap((fill, i) => (fill < 0.5 ? [`${language} page ${i + 1}: ${Math.round(fill * 100)} % – ${plans[language].pages[i]!.slice(0, 2).join(' | ')}`] : []));
      expect(thin).toEqual([]);
    }
    // The one-line appendix shares a page with what comes before it.
    const none = plans.da.pages.find((lines) => lines.includes('Ingen ændringer siden sidste statusmåling.'))!;
    expect(none.length).toBeGreaterThan(8);
  });

  it('never ends a page with a heading or a label whose content is on the next page', () => {
    for (const language of ['da', 'en'] as const) {
      const { pages, labels } = plans[language];
      expect(labels.size).toBeGreaterThan(20);
      // The contents page ends with an entry that reads like a heading; it is a link, not a heading.
      const contents = new Set(['Indhold', 'Contents']);
      const stranded = pages.slice(0, -1).flatMap((lines, i) => (labels.has(lines.at(-1)!) && !lines.some((l) => contents.has(l)) ? [`${language} page ${i + 1}: ${lines.at(-1)}`] : []));
      expect(stranded).toEqual([]);
    }
  });
});
