import { execFileSync } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import MarkdownIt from 'markdown-it';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportPlan, planContextFromPack } from '../../src/backend/plan/export';
import { createChromiumPdf, findChromium, type ChromiumPdf } from '../../src/backend/plan/pdf';
import { applyEdit, type ChecklistEdit } from '../../src/core/checklist/edits';
import { createMunicipality } from '../../src/core/checklist/create';
import { isOpen } from '../../src/core/checklist/summary';
import { buildPlan, planOptionsSchema, planToMarkdown } from '../../src/core/plan';
import type { MunicipalityFile } from '../../src/core/schema/municipality';
import { bundledPack } from '../helpers/packs';
import { fixedSample, SAMPLE_TODAY } from '../helpers/sample';

const env = { now: () => new Date('2026-11-22T10:00:00Z'), newId: (() => { let n = 0; return () => `s${++n}`; })() };
const options = planOptionsSchema.parse({ author: 'Projektleder' });
const noPdf = async (): Promise<Uint8Array> => {
  throw new Error('not used');
};

const LONG_URL = `https://kommune.sharepoint.com/sites/BoernOgFamilie/Delte%20dokumenter/Familier%C3%A5dslagning/Implementering/${'Styregruppe-referat-2026-'.repeat(3)}final.docx`.slice(0, 170);
const LONG_WORD = 'Familierådslagningsimplementeringsstyregruppemødereferatsgodkendelsesprocedure'.repeat(2).slice(0, 120);
const RTL = 'مجموعة التوجيه – ועדת היגוי';

/** The example with everything that broke the first plans: long addresses and words, many milestones, æøå, right-to-left text. */
function stressed(file: MunicipalityFile): MunicipalityFile {
  const edits: ChecklistEdit[] = [
    { type: 'setNotes', itemId: 'tovholder', notes: `Referat ligger her: ${LONG_URL} – læs før mødet.` },
    { type: 'addEvidence', itemId: 'tovholder', label: 'Referat fra styregruppen', target: LONG_URL },
    { type: 'setTitle', itemId: 'lokaler', title: LONG_WORD },
    { type: 'setOwner', itemId: 'lokaler', owner: RTL },
    { type: 'setNotes', itemId: 'forplejning', notes: `${RTL} — æøå ÆØÅ` },
    { type: 'setSteeringDecision', itemId: 'lokaler', flag: { text: `Godkend ${LONG_WORD}`, owner: RTL, date: '2026-12-01' } },
  ];
  for (let n = 1; n <= 60; n++) edits.push({ type: 'addItem', title: `Egen milepæl nr. ${n}: Øvelse i å læse æblerne`, driverId: ['ledelse', 'kompetencer', 'organisering'][n % 3]! });
  let out = file;
  for (const edit of edits) out = applyEdit(out, edit, env);
  const custom = out.items.filter((i) => i.origin === 'custom');
  custom.forEach((item, n) => {
    if (n % 2 === 0) out = applyEdit(out, { type: 'setDueDate', itemId: item.id, dueDate: `2027-0${(n % 9) + 1}-15` }, env);
    if (n % 3 === 0) out = applyEdit(out, { type: 'setOwner', itemId: item.id, owner: 'Afdelingsleder, myndighed' }, env);
  });
  return out;
}

interface PdfWord {
  page: number;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
  text: string;
}
interface PdfLayout {
  pages: Array<{ width: number; height: number }>;
  words: PdfWord[];
}

/** Every word of a PDF with its box, read with poppler's pdftotext. */
async function pdfLayout(pdf: Uint8Array): Promise<PdfLayout> {
  const dir = await mkdtemp(path.join(tmpdir(), 'milepael-pdf-'));
  const file = path.join(dir, 'plan.pdf');
  await writeFile(file, pdf);
  const html = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const pages: PdfLayout['pages'] = [];
  const words: PdfWord[] = [];
  for (const block of html.split('<page ').slice(1)) {
    const [, w, h] = /width="([\d.]+)" height="([\d.]+)"/.exec(block) ?? [];
    pages.push({ width: Number(w), height: Number(h) });
    for (const m of block.matchAll(/<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([^<]*)<\/word>/g)) {
      words.push({ page: pages.length, xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]), text: m[5]! });
    }
  }
  return { pages, words };
}

/** The most common word height: the body text size, whatever headings and tables do. */
function bodyTextHeight(words: readonly PdfWord[]): number {
  const counts = new Map<number, number>();
  for (const w of words) {
    const h = Math.round((w.yMax - w.yMin) * 2) / 2;
    counts.set(h, (counts.get(h) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0];
}

let sample: MunicipalityFile;
let stress: MunicipalityFile;
beforeAll(async () => {
  sample = await fixedSample();
  stress = stressed(sample);
});

describe('the plan with real text (stress file)', () => {
  let chromium: ChromiumPdf;
  beforeAll(() => {
    chromium = createChromiumPdf();
    return () => chromium.close();
  });

  it.skipIf(findChromium() === null)('keeps A4 and the body text size in the PDF, and no text leaves the page', { timeout: 120_000 }, async () => {
    const plain = await pdfLayout((await exportPlan(sample, 'pdf', options, SAMPLE_TODAY, chromium.render)).data);
    const hard = await pdfLayout((await exportPlan(stress, 'pdf', options, SAMPLE_TODAY, chromium.render)).data);
    for (const page of [...plain.pages, ...hard.pages]) {
      expect(page.width).toBeCloseTo(595.9, 0);
      expect(page.height).toBeCloseTo(842.9, 0);
    }
    // Chromium shrinks a whole document whose content is too wide: the same words keep their size.
    for (const word of ['Implementeringsplan:', 'Hovedbudskaber', 'Sammenligning']) {
      const height = (layout: PdfLayout) => layout.words.find((w) => w.text === word)!;
      const a = height(plain);
      const b = height(hard);
      expect(b.yMax - b.yMin).toBeCloseTo(a.yMax - a.yMin, 1);
    }
    expect(bodyTextHeight(hard.words)).toBeGreaterThan(9);
    const outside = hard.words.filter((w) => w.xMin < 0 || w.yMin < 0 || w.xMax > hard.pages[w.page - 1]!.width + 0.5 || w.yMax > hard.pages[w.page - 1]!.height + 0.5);
    expect(outside.map((w) => w.text)).toEqual([]);
    // Inside the margins, too: 18 mm left and right.
    const margin = (18 / 25.4) * 72 - 2;
    const inMargin = hard.words.filter((w) => w.yMax < hard.pages[0]!.height - 60 && (w.xMin < margin || w.xMax > hard.pages[0]!.width - margin));
    expect(inMargin.map((w) => `${w.text} p${w.page} ${w.xMin.toFixed(1)}-${w.xMax.toFixed(1)}`)).toEqual([]);
    expect(hard.words.some((w) => w.text.includes('æ'))).toBe(true);
  });

  it('gives every DOCX table fixed column widths and marks right-to-left text', { timeout: 30_000 }, async () => {
    const plan = await exportPlan(stress, 'docx', options, SAMPLE_TODAY, noPdf);
    const xml = await (await JSZip.loadAsync(plan.data)).file('word/document.xml')!.async('string');
    const tables = xml.split('<w:tbl>').slice(1);
    expect(tables.length).toBeGreaterThan(20);
    for (const t of tables) {
      expect(t).toMatch(/<w:tblLayout w:type="fixed"\/>/);
      expect(t).toMatch(/<w:tblGrid>(<w:gridCol w:w="\d+"\/>)+<\/w:tblGrid>/);
    }
    expect(xml).toMatch(/<w:bidi\/>/);
    expect(xml).toMatch(/<w:rtl\/>/);
    expect(xml).toContain('<w:keepNext/>');
    expect(xml).toContain('w:hyperlink');
    const rels = await (await JSZip.loadAsync(plan.data)).file('word/_rels/document.xml.rels')!.async('string');
    expect(rels.replace(/&amp;/g, '&')).toContain(LONG_URL);
    const styles = await (await JSZip.loadAsync(plan.data)).file('word/styles.xml')!.async('string');
    expect(styles).toContain('w:val="da-DK"');
  });

  it('wraps inside cells in HTML instead of widening the page, and links evidence', async () => {
    const html = new TextDecoder().decode((await exportPlan(stress, 'html', options, SAMPLE_TODAY, noPdf)).data);
    expect(html).toMatch(/table \{[^}]*table-layout: fixed/);
    expect(html).toMatch(/th, td \{[^}]*overflow-wrap: anywhere/);
    expect(html).toMatch(/<th style="width:[\d.]+%" dir="auto">/);
    expect(html).toContain(`href="${LONG_URL}"`);
    expect(html).toMatch(/<td dir="auto">مجموعة/);
  });
});

describe('the action plan', () => {
  it('lists every open item of a new municipality, all in the group without due date or owner', async () => {
    const file = createMunicipality(await bundledPack('familieraadslagning'), 'Ny Kommune', env);
    const model = buildPlan(file, options, SAMPLE_TODAY);
    const listed = model.steering.actionGroups.flatMap((g) => g.items.map((i) => i.id));
    expect(listed.sort()).toEqual(file.items.filter(isOpen).map((i) => i.id).sort());
    expect(model.steering.actionGroups.map((g) => g.kind)).toEqual(['unassigned']);
    const md = planToMarkdown(model);
    for (const item of file.items.filter(isOpen)) expect(md).toContain(`| ${item.title} |`);
    expect(md).toContain('### Uden frist / uden ansvarlig');
    // A short plan with first steps, not pages of empty tables.
    expect(md).toContain('## Forslag til de første skridt');
    expect(md).not.toContain('## Milepæle');
  });

  it('lists every open item of the example exactly once, including those without a due date', () => {
    const model = buildPlan(stress, options, SAMPLE_TODAY);
    const listed = model.steering.actionGroups.flatMap((g) => g.items.map((i) => i.id));
    expect(new Set(listed).size).toBe(listed.length);
    expect(listed.sort()).toEqual(stress.items.filter(isOpen).map((i) => i.id).sort());
    // The example leaves one open year-1 step without an owner: it must be in the marked group.
    const unassigned = model.steering.actionGroups.find((g) => g.kind === 'unassigned')!.items.map((i) => i.id);
    expect(unassigned).toContain('aar-1.gennemgaa-og-evaluer');
  });
});

describe('page 1 of the example PDF', () => {
  it.skipIf(findChromium() === null)('holds the traffic lights, the stage and every flagged decision', { timeout: 60_000 }, async () => {
    const chromium = createChromiumPdf();
    try {
      const pdf = (await exportPlan(sample, 'pdf', options, SAMPLE_TODAY, chromium.render, { context: planContextFromPack(await bundledPack('familieraadslagning')) })).data;
      const { words, pages } = await pdfLayout(pdf);
      // Over 5 pages: bookmarks from the headings, and a tagged (accessible) PDF.
      expect(pages.length).toBeGreaterThan(5);
      const raw = Buffer.from(pdf).toString('latin1');
      expect(raw).toContain('/Outlines');
      expect(raw).toContain('/StructTreeRoot');
      const page1 = words.filter((w) => w.page === 1).map((w) => w.text).join(' ');
      expect(page1).toContain('Trafiklys');
      for (const area of ['Ledelse (driver)', 'Organisering (driver)', 'Organisering (fase)', 'Evaluering (fase)']) expect(page1).toContain(area);
      expect(page1).toMatch(/Rød under 40/);
      expect(page1).toContain('Stadie: Indledende implementering');
      const flagged = sample.items.filter((i) => i.steeringDecision);
      expect(flagged.length).toBeGreaterThanOrEqual(3);
      for (const item of flagged) expect(page1).toContain(item.steeringDecision!.text.split(' ').slice(0, 4).join(' '));
    } finally {
      await chromium.close();
    }
  });
});

describe('the Markdown plan', () => {
  it('shows its charts as PNG files beside it that markdown-it renders as images, without data URIs', async () => {
    const plan = await exportPlan(sample, 'md', options, SAMPLE_TODAY, noPdf, { markdownChartFiles: true });
    const html = new MarkdownIt().render(new TextDecoder().decode(plan.data));
    const images = [...html.matchAll(/<img src="([^"]+)"/g)].map((m) => m[1]);
    expect(images).toEqual((plan.attachments ?? []).map((a) => a.fileName));
    expect(images).toHaveLength(3);
    for (const a of plan.attachments ?? []) expect(Buffer.from(a.data.subarray(1, 4)).toString()).toBe('PNG');
    expect(html).not.toContain('data:');
    const single = new MarkdownIt().render(new TextDecoder().decode((await exportPlan(sample, 'md', options, SAMPLE_TODAY, noPdf)).data));
    expect(single).not.toContain('data:');
    expect(single).toContain('█');
  });
});

describe('the Excel status sheet', () => {
  it('colours status and overdue, offers the statuses as a drop-down, and keeps the history of rounds', async () => {
    const plan = await exportPlan(sample, 'xlsx', options, SAMPLE_TODAY, noPdf);
    const zip = await JSZip.loadAsync(plan.data);
    const sheetXml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    expect(sheetXml).toMatch(/<conditionalFormatting sqref="E2:E\d+">/);
    expect(sheetXml).toMatch(/<cfRule type="expression"[^>]*><formula>\$H2=&quot;Ja&quot;<\/formula>/);
    expect(sheetXml).toMatch(/<dataValidation type="list"[^>]*sqref="E2:E\d+"/);
    expect(sheetXml).toContain('&quot;Ikke startet,I gang,På plads,Ikke relevant&quot;');
    expect(sheetXml).toMatch(/<pageSetup[^>]*orientation="landscape"/);
    const workbookXml = await zip.file('xl/workbook.xml')!.async('string');
    expect(workbookXml).toContain('_xlnm.Print_Titles');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(plan.data) as unknown as ArrayBuffer);
    const history = workbook.getWorksheet('Statusmålinger')!;
    expect(history.rowCount).toBe(1 + sample.assessment.snapshots.length + 1);
    expect(history.getCell('C2').numFmt).toBe('0%');
    expect(history.getCell('C2').value).toBeCloseTo(sample.assessment.snapshots[0]!.scores.overall! / 100, 3);
  });
});
