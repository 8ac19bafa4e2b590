import { planToHtml } from '../../core/plan/html';
import { planLabels } from '../../core/plan/labels';
import { planToMarkdown } from '../../core/plan/markdown';
import { buildPlan } from '../../core/plan/model';
import type { PlanFormat, PlanOptions } from '../../core/plan/options';
import type { MunicipalityFile } from '../../core/schema/municipality';
import type { PdfRenderer } from './pdf';

export interface ExportedPlan {
  fileName: string;
  mimeType: string;
  data: Uint8Array;
}

const MIME: Record<PlanFormat, string> = {
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** A file name people recognise in a folder of plans: implementeringsplan-aarhus-kommune.docx */
export function planFileName(municipality: string, format: PlanFormat, language: 'da' | 'en'): string {
  const slug = municipality.toLowerCase().replace(/æ/g, 'ae').replace(/ø/g, 'oe').replace(/å/g, 'aa').normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'kommune';
  return `${language === 'da' ? 'implementeringsplan' : 'implementation-plan'}-${slug}.${format}`;
}

export async function exportPlan(file: MunicipalityFile, format: PlanFormat, options: PlanOptions, today: string, renderPdf: PdfRenderer): Promise<ExportedPlan> {
  const model = buildPlan(file, options, today);
  const text = (s: string) => new TextEncoder().encode(s);
  let data: Uint8Array;
  switch (format) {
    case 'md':
      data = text(planToMarkdown(model));
      break;
    case 'html':
      data = text(planToHtml(model));
      break;
    case 'docx':
      // docx and exceljs are large: loaded only when such a file is asked for.
      data = await (await import('./docx')).planToDocx(model);
      break;
    case 'xlsx':
      data = await (await import('./xlsx')).planToXlsx(model);
      break;
    case 'pdf':
      data = await renderPdf(planToHtml(model), `${file.name} · ${planLabels(options.language).page}`);
      break;
  }
  return { fileName: planFileName(file.name, format, options.language), mimeType: MIME[format], data };
}
