import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { changesAppendix } from '../../src/backend/plan/changes-appendix';
import { exportPlan } from '../../src/backend/plan/export';
import type { PdfRenderer } from '../../src/backend/plan/pdf';
import { planOptionsSchema } from '../../src/core/plan/options';
import type { MunicipalityFile } from '../../src/core/schema/municipality';
import { formatDate } from '../../src/ui/i18n/format';
import { fixedSample, SAMPLE_TODAY } from '../helpers/sample';

let sample: MunicipalityFile;
beforeAll(async () => {
  sample = await fixedSample();
});

const LANGUAGES = ['da', 'en'] as const;
/** A date written any other way than the screens write it: 12/11/2026, 2026-11-12, 12-11-2026. */
const FOREIGN_DATE = /\b\d{1,2}\/\d{1,2}\/\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b|\b\d{2}-\d{2}-\d{4}\b/;
const TOVHOLDER_DUE = '2026-11-12';

const unescapeXml = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
const htmlText = (html: string) => unescapeXml(html.replace(/<style[\s\S]*?<\/style>/g, ' ').replace(/<svg[\s\S]*?<\/svg>/g, ' ').replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ');

/** The text of the plan as a reader sees it, per format; the PDF is the HTML Chromium prints. */
async function planText(format: 'docx' | 'pdf' | 'md' | 'html', language: 'da' | 'en'): Promise<string> {
  let printed = '';
  const capture: PdfRenderer = async (html) => {
    printed = html;
    return new Uint8Array();
  };
  const plan = await exportPlan(sample, format, planOptionsSchema.parse({ author: 'Mette', language }), SAMPLE_TODAY, capture);
  if (format === 'pdf') return htmlText(printed);
  if (format === 'html') return htmlText(new TextDecoder().decode(plan.data));
  if (format === 'md') return new TextDecoder().decode(plan.data).replace(/!\[[^\]]*\]\([^)]*\)/g, '');
  const xml = await (await JSZip.loadAsync(plan.data)).file('word/document.xml')!.async('string');
  return unescapeXml([...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(' '));
}

describe('dates in the plan', () => {
  for (const language of LANGUAGES) {
    for (const format of ['docx', 'pdf', 'md', 'html'] as const) {
      it(`are written as the screens write them in the ${language} ${format} plan`, async () => {
        const text = await planText(format, language);
        expect(formatDate(SAMPLE_TODAY, language)).toBe('22.11.2026');
        expect(text).toContain(formatDate(SAMPLE_TODAY, language));
        expect(text).toContain(formatDate(TOVHOLDER_DUE, language));
        expect(text.match(FOREIGN_DATE)?.[0]).toBeUndefined();
      });
    }

    it(`are shown as the screens write them in the ${language} Excel plan`, async () => {
      const plan = await exportPlan(sample, 'xlsx', planOptionsSchema.parse({ author: 'Mette', language }), SAMPLE_TODAY, async () => new Uint8Array());
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(Buffer.from(plan.data) as unknown as ArrayBuffer);
      const dated: string[] = [];
      workbook.eachSheet((sheet) =>
        sheet.eachRow((row) =>
          row.eachCell((cell) => {
            if (cell.value instanceof Date) dated.push(cell.numFmt);
            else if (typeof cell.value === 'string') expect(cell.value).not.toMatch(FOREIGN_DATE);
          }),
        ),
      );
      expect(dated.length).toBeGreaterThan(10);
      // Excel writes dd.mm.yyyy as 22.11.2026, as the screens do.
      expect(new Set(dated)).toEqual(new Set(['dd.mm.yyyy']));
    });

    it(`are written as the Ændringer screen writes them in the ${language} appendix of changes`, () => {
      const section = changesAppendix([{ at: '2026-11-23T13:05:00.000Z', by: 'Anne', itemId: 'tovholder', itemTitle: 'Tovholder', field: 'dueDate', value: '2026-12-01' }], language);
      const table = section.blocks.find((b) => b.kind === 'table');
      expect(table?.kind === 'table' && table.rows[0]).toEqual([language === 'da' ? '23.11.2026 kl. 14.05' : '23.11.2026 at 14:05', 'Anne', 'Tovholder', 'dueDate: 01.12.2026']);
    });
  }
});
