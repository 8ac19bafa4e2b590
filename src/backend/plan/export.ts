import type { PlanContext } from '../../core/plan/extensions';
import { planToHtml } from '../../core/plan/html';
import { planLabels } from '../../core/plan/labels';
import { chartFileName, PLAN_CHART_KEYS, planCharts, planToMarkdown } from '../../core/plan/markdown';
import { buildPlan } from '../../core/plan/model';
import { localizeFile } from '../../core/pack/english';
import type { PlanFormat, PlanOptions } from '../../core/plan/options';
import type { MunicipalityFile } from '../../core/schema/municipality';
import type { Pack } from '../../core/schema/pack';
import type { PdfRenderer } from './pdf';
import { svgToPng } from './rasterize';

export interface ExportedFile {
  fileName: string;
  mimeType: string;
  data: Uint8Array;
}

export interface ExportedPlan extends ExportedFile {
  /** Files that belong beside the plan (the Markdown plan's chart images); empty for the other formats. */
  attachments?: ExportedFile[];
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

/** What the plan takes from the municipality's method pack, when the pack is at hand. */
export function planContextFromPack(pack: Pack | undefined): PlanContext {
  return pack ? { references: pack.references, roles: pack.roles } : {};
}

export interface ExportPlanOptions {
  /** Markdown only: write chart PNGs beside the file (CLI) instead of text bars (a single download). */
  markdownChartFiles?: boolean;
  context?: PlanContext;
}

export async function exportPlan(file: MunicipalityFile, format: PlanFormat, options: PlanOptions, today: string, renderPdf: PdfRenderer, extra: ExportPlanOptions = {}): Promise<ExportedPlan> {
  const model = buildPlan(file, options, today, extra.context);
  const text = (s: string) => new TextEncoder().encode(s);
  const fileName = planFileName(file.name, format, options.language);
  const attachments: ExportedFile[] = [];
  let data: Uint8Array;
  switch (format) {
    case 'md':
      if (extra.markdownChartFiles) {
        const prefix = fileName.replace(/\.md$/, '');
        const charts = planCharts(model);
        for (const key of PLAN_CHART_KEYS) attachments.push({ fileName: chartFileName(prefix, key), mimeType: 'image/png', data: svgToPng(charts[key], 1400) });
        data = text(planToMarkdown(model, { kind: 'files', prefix }));
      } else data = text(planToMarkdown(model, { kind: 'tables' }));
      break;
    case 'html':
      data = text(planToHtml(model));
      break;
    case 'docx':
      // docx and exceljs are large: loaded only when such a file is asked for.
      data = await (await import('./docx')).planToDocx(model);
      break;
    case 'xlsx':
      data = await (await import('./xlsx')).planToXlsx(model, localizeFile(file, options.language));
      break;
    case 'pdf':
      data = await renderPdf(planToHtml(model), `${file.name} · ${planLabels(options.language).page}`);
      break;
  }
  return { fileName, mimeType: MIME[format], data, attachments };
}
