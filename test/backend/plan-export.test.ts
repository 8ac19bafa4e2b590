import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportPlan, planContextFromPack } from '../../src/backend/plan/export';
import { chromiumPdfRenderer, findChromium } from '../../src/backend/plan/pdf';
import { buildPlan } from '../../src/core/plan/model';
import { planOptionsSchema } from '../../src/core/plan/options';
import { scoreMunicipality } from '../../src/core/scoring/score';
import type { MunicipalityFile } from '../../src/core/schema/municipality';
import { fixedSample, SAMPLE_TODAY } from '../helpers/sample';
import { bundledPack } from '../helpers/packs';

let sample: MunicipalityFile;
beforeAll(async () => {
  sample = await fixedSample();
});

const options = planOptionsSchema.parse({ author: 'Mette' });
const noPdf = async (): Promise<Uint8Array> => {
  throw new Error('not used');
};
const unescapeXml = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
const plain = (s: string) => s.replace(/\s/g, ' ');
const STATUS_DA = { not_started: 'Ikke startet', in_progress: 'I gang', in_place: 'På plads', not_relevant: 'Ikke relevant' } as const;

describe('the Word plan', () => {
  it('holds every milestone title, status and owner and the overall score, with headings, tables and page numbers', async () => {
    const plan = await exportPlan(sample, 'docx', options, SAMPLE_TODAY, noPdf);
    expect(plan.fileName).toBe('implementeringsplan-eksempel-kommune.docx');
    const zip = await JSZip.loadAsync(plan.data);
    const xml = await zip.file('word/document.xml')!.async('string');
    const text = plain(unescapeXml([...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(' ')));
    for (const item of sample.items.filter((i) => i.kind === 'milestone')) {
      expect(text).toContain(item.title);
      expect(text).toContain(`${STATUS_DA[item.status]} ${item.owner || '–'}`);
    }
    expect(text).toContain(`Samlet score ${Math.round(scoreMunicipality(sample).overall.percent!)} %`);
    expect(xml).toMatch(/w:pStyle w:val="Heading1"/);
    expect((xml.match(/<w:tbl>/g) ?? []).length).toBeGreaterThan(17);
    const footer = await zip.file('word/footer1.xml')!.async('string');
    expect(footer).toContain('PAGE');
    expect(footer).toContain('NUMPAGES');
    expect(Object.keys(zip.files).filter((f) => f.startsWith('word/media/'))).toHaveLength(3);
  });
});

describe('the Word plan’s pages', () => {
  it('starts a new page only after page 1: the sections follow one another, each heading kept with what follows', async () => {
    const plan = await exportPlan(sample, 'docx', options, SAMPLE_TODAY, noPdf);
    const xml = await (await JSZip.loadAsync(plan.data)).file('word/document.xml')!.async('string');
    const paragraphs = xml.match(/<w:p>.*?<\/w:p>|<w:p [^>]*>.*?<\/w:p>/g) ?? [];
    const breaks = paragraphs.filter((p) => p.includes('<w:pageBreakBefore/>'));
    expect(breaks).toHaveLength(1);
    expect(breaks[0]).toContain('Dokumentstyring');
    const sectionHeadings = paragraphs.filter((p) => p.includes('w:pStyle w:val="Heading1"'));
    expect(sectionHeadings.length).toBeGreaterThan(8);
    for (const heading of sectionHeadings) expect(heading).toContain('<w:keepNext/>');
  });
});

describe('the English Word plan', () => {
  it("holds the pack's English milestone titles and none of the Danish ones", async () => {
    const plan = await exportPlan(sample, 'docx', planOptionsSchema.parse({ author: 'Mette', language: 'en' }), SAMPLE_TODAY, noPdf);
    expect(plan.fileName).toBe('implementation-plan-eksempel-kommune.docx');
    const xml = await (await JSZip.loadAsync(plan.data)).file('word/document.xml')!.async('string');
    const text = plain(unescapeXml([...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(' ')));
    for (const item of sample.items.filter((i) => i.kind === 'milestone')) {
      expect(text).toContain(item.en!.title);
      expect(text).not.toContain(item.title);
    }
    expect(text).toContain('Familierådslagning (family group conference)');
  });
});

describe('the Excel status sheet', () => {
  it('has one row per item with driver, phase, status, owner, due date and notes, and the scores', async () => {
    const plan = await exportPlan(sample, 'xlsx', options, SAMPLE_TODAY, noPdf);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(plan.data) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Status')!;
    expect(sheet.getRow(1).values).toEqual([undefined, 'Driver', 'Fase', 'Type', 'Punkt', 'Status', 'Ansvarlig', 'Frist', 'Forsinket', 'Noter', 'Til styregruppen', 'Dokumentation']);
    expect(sheet.rowCount).toBe(1 + sample.items.length);
    const rows = sheet.getRows(2, sheet.rowCount - 1)!.map((r) => r.values as unknown[]);
    const tovholder = rows.find((r) => r[4] === 'En medarbejder er udvalgt til at være tovholder i organisationen')!;
    expect(tovholder.slice(1, 6)).toEqual(['Kompetencer', 'Gennemførelse', 'Milepæl', 'En medarbejder er udvalgt til at være tovholder i organisationen', 'I gang']);
    expect(tovholder[6]).toBe('Teamleder, myndighed');
    expect((tovholder[7] as Date).toISOString().slice(0, 10)).toBe('2026-11-12');
    expect(tovholder[8]).toBe('Ja');
    const scores = workbook.getWorksheet('Scorer')!;
    expect(scores.getRow(2).values).toEqual([undefined, 'Samlet score (Indledende implementering)', Math.round(scoreMunicipality(sample).overall.percent! * 10) / 1000]);
    expect(scores.getCell('B2').numFmt).toBe('0%');
  });
});

describe('the PDF plan', () => {
  it('explains what to install when Chromium is missing', async () => {
    await expect(exportPlan(sample, 'pdf', options, SAMPLE_TODAY, chromiumPdfRenderer(null))).rejects.toMatchObject({ code: 'unavailable', message: expect.stringMatching(/apt-get install chromium/) });
  });

  it.skipIf(findChromium() === null)('is printed by headless Chromium with page numbers', { timeout: 60_000 }, async () => {
    const plan = await exportPlan(sample, 'pdf', options, SAMPLE_TODAY, chromiumPdfRenderer());
    expect(Buffer.from(plan.data.subarray(0, 5)).toString()).toBe('%PDF-');
    expect(plan.data.length).toBeGreaterThan(30_000);
  });
});

describe('the HTML and Markdown plans', () => {
  it('are UTF-8 text with the municipality in the title', async () => {
    const html = await exportPlan(sample, 'html', options, SAMPLE_TODAY, noPdf);
    expect(new TextDecoder().decode(html.data)).toContain('<title>Implementeringsplan – Eksempel Kommune</title>');
    const md = await exportPlan(sample, 'md', planOptionsSchema.parse({ language: 'en' }), SAMPLE_TODAY, noPdf);
    expect(md.fileName).toBe('implementation-plan-eksempel-kommune.md');
  });
});

describe("the Word plan's role table", () => {
  it("lists the method's roles with their holders and marks the one nobody holds, in Danish and English", async () => {
    const context = planContextFromPack(await bundledPack('familieraadslagning'));
    const file: MunicipalityFile = { ...sample, steering: { ...sample.steering!, roles: sample.steering!.roles.filter((r) => r.role !== 'Informatører') } };
    const textOf = async (language: 'da' | 'en') => {
      const plan = await exportPlan(file, 'docx', planOptionsSchema.parse({ author: 'Mette', language }), SAMPLE_TODAY, noPdf, { context });
      const xml = await (await JSZip.loadAsync(plan.data)).file('word/document.xml')!.async('string');
      return { xml, text: plain(unescapeXml([...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(' '))) };
    };
    const da = await textOf('da');
    expect(da.text).toContain('Tovholder Teamleder, myndighed');
    expect(da.text).toMatch(/Informatører ikke besat Fagpersoner/);
    expect(da.xml).toMatch(/<w:i\/>(?:(?!<\/w:r>).)*<w:t[^>]*>ikke besat</s);
    const en = await textOf('en');
    expect(en.text).toContain('Tovholder (method lead) Teamleder, myndighed');
    expect(en.text).toMatch(/Informatører \(informants\) not filled Professionals/);
  });
});

describe("the Excel plan's role table", () => {
  /** The rows of a sheet as plain values, without exceljs's leading empty slot. */
  const rowsOf = (sheet: ExcelJS.Worksheet) => Array.from({ length: sheet.rowCount }, (_, i) => (sheet.getRow(i + 1).values as unknown[]).slice(1));

  it("lists the method's roles with their holders, the other roles and the owners, in the order and language of the other formats", async () => {
    const context = planContextFromPack(await bundledPack('familieraadslagning'));
    const file: MunicipalityFile = { ...sample, steering: { ...sample.steering!, roles: sample.steering!.roles.filter((r) => r.role !== 'Informatører') } };
    const sheetOf = async (language: 'da' | 'en', name: string) => {
      const plan = await exportPlan(file, 'xlsx', planOptionsSchema.parse({ author: 'Mette', language }), SAMPLE_TODAY, noPdf, { context });
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(Buffer.from(plan.data) as unknown as ArrayBuffer);
      const sheet = workbook.getWorksheet(name);
      expect(sheet, `${language}: a sheet "${name}" among ${workbook.worksheets.map((w) => w.name).join(', ')}`).toBeDefined();
      return sheet!;
    };

    const da = await sheetOf('da', 'Roller og ansvar');
    const model = buildPlan(file, planOptionsSchema.parse({ author: 'Mette' }), SAMPLE_TODAY, context);
    const { roles, owners } = model.steering;
    expect(roles.filter((r) => r.method).map((r) => r.role)).toEqual(['Projektleder', 'Implementeringsteam', 'Styregruppe', 'Tovholder', 'Samordnere', 'Informatører']);
    const rows = rowsOf(da);
    expect(rows[0]).toEqual(['Rolle', 'Varetages af', 'Opgave']);
    expect(rows.slice(1, 1 + roles.length)).toEqual(roles.map((r) => [r.role, r.method && r.holder === '' ? 'ikke besat' : r.holder, r.task].map((v) => (v === '' ? undefined : v))));
    const informants = rows.findIndex((r) => r[0] === 'Informatører');
    expect(rows[informants]!.slice(0, 2)).toEqual(['Informatører', 'ikke besat']);
    expect(da.getRow(informants + 1).getCell(2).font?.italic).toBe(true);
    expect(rows.find((r) => r[0] === 'Tovholder')![1]).toBe('Teamleder, myndighed');
    // Then the owners of checklist items, with their numbers of items, after an empty row.
    expect(rows[1 + roles.length]).toEqual([]);
    expect(rows[2 + roles.length]).toEqual(['Ansvarlig', 'Punkter', 'Åben']);
    expect(owners.length).toBeGreaterThan(0);
    expect(rows.slice(3 + roles.length, 3 + roles.length + owners.length)).toEqual(owners.map((o) => [o.owner, o.total, o.open]));
    expect(rows.at(-1)![0]).toMatch(/^Rollerne i implementeringen .* "ikke besat" betyder/);

    const en = rowsOf(await sheetOf('en', 'Roles and responsibilities'));
    expect(en[0]).toEqual(['Role', 'Held by', 'Task']);
    expect(en.slice(1, 7).map((r) => r[0])).toEqual(['Project leader', 'Implementation team', 'Steering group', 'Tovholder (method lead)', 'Samordnere (coordinators)', 'Informatører (informants)']);
    expect(en.find((r) => r[0] === 'Informatører (informants)')!.slice(1, 3)).toEqual(['not filled', expect.stringMatching(/^Professionals, for example a doctor/)]);
    expect(en.flat().join(' ')).not.toMatch(/ikke besat|Varetages af/);
  });

  it('is left out with the governance section, as in the other formats', async () => {
    const context = planContextFromPack(await bundledPack('familieraadslagning'));
    const plan = await exportPlan(sample, 'xlsx', planOptionsSchema.parse({ sections: ['statusTable'] }), SAMPLE_TODAY, noPdf, { context });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(plan.data) as unknown as ArrayBuffer);
    expect(workbook.getWorksheet('Roller og ansvar')).toBeUndefined();
  });
});
