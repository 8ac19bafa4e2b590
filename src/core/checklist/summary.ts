import { compareIso } from '../dates';
import { z } from 'zod';
import { isoDateSchema, isoDateTimeSchema } from '../schema/common';
import type { ChecklistItem, MunicipalityFile } from '../schema/municipality';
import { localizeFile, type ContentLanguage } from '../pack/english';
import { scoreMunicipality } from '../scoring/score';
import { implementationStage } from '../scoring/stage';

const percent = z.number().min(0).max(100).nullable();

/** What the start screen shows per municipality without opening it. */
export const municipalitySummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  pack: z.object({ id: z.string(), version: z.string(), title: z.string() }),
  isExample: z.boolean(),
  updatedAt: isoDateTimeSchema,
  revision: z.number().int(),
  overall: percent,
  band: z.string().nullable(),
  drivers: z.array(z.object({ id: z.string(), title: z.string(), percent })),
  overdueCount: z.number().int(),
  nextDue: z.object({ itemId: z.string(), title: z.string(), dueDate: isoDateSchema }).nullable(),
  /**
   * The same names as an English reader sees them (the pack's English where it has any; the
   * municipality's own words stay). Required, so summaries cached before it are worked out again.
   */
  en: z.object({
    packTitle: z.string(),
    band: z.string().nullable(),
    drivers: z.array(z.object({ id: z.string(), title: z.string() })),
    nextDueTitle: z.string().nullable(),
  }),
});
export type MunicipalitySummary = z.infer<typeof municipalitySummarySchema>;

/** An item still needs doing when it is neither in place nor ruled out. */
export function isOpen(item: ChecklistItem): boolean {
  return item.status === 'not_started' || item.status === 'in_progress';
}

/** Overdue: open, with a due date before today (dates compare as YYYY-MM-DD strings). */
export function isOverdue(item: ChecklistItem, today: string): boolean {
  return isOpen(item) && item.dueDate !== undefined && item.dueDate < today;
}

export function summarizeMunicipality(file: MunicipalityFile, today: string): MunicipalitySummary {
  const report = scoreMunicipality(file);
  const open = file.items.filter((i) => isOpen(i) && i.dueDate !== undefined);
  const upcoming = open.filter((i) => i.dueDate! >= today).sort((a, b) => compareIso(a.dueDate!, b.dueDate!))[0];
  // Issue 12: the implementation stage replaces the pack's maturity band where the pack defines stages.
  const stage = implementationStage(file, today)?.current;
  // The English names are looked up by id in the English view of the same file, not scored again.
  const english = localizeFile(file, 'en');
  const englishDriver = new Map(english.framework.drivers.map((d) => [d.id, d.title]));
  const englishBand = report.band ? (english.framework.maturityBands.find((b) => b.id === report.band!.id)?.title ?? report.band.title) : null;
  return {
    id: file.id,
    name: file.name,
    pack: file.pack,
    isExample: file.isExample,
    updatedAt: file.updatedAt,
    revision: file.revision,
    overall: report.overall.percent,
    band: stage?.title ?? report.band?.title ?? null,
    drivers: report.drivers.map((d) => ({ id: d.id, title: d.title, percent: d.percent })),
    overdueCount: open.filter((i) => isOverdue(i, today)).length,
    nextDue: upcoming ? { itemId: upcoming.id, title: upcoming.title, dueDate: upcoming.dueDate! } : null,
    en: {
      packTitle: english.pack.title,
      band: stage ? stage.titleEn : englishBand,
      drivers: report.drivers.map((d) => ({ id: d.id, title: englishDriver.get(d.id) ?? d.title })),
      nextDueTitle: upcoming ? (english.items.find((i) => i.id === upcoming.id)?.title ?? upcoming.title) : null,
    },
  };
}

/** The summary as a reader of the given language sees it (for display only). */
export function localizeSummary(summary: MunicipalitySummary, language: ContentLanguage): MunicipalitySummary {
  if (language === 'da') return summary;
  const { en } = summary;
  const driverTitle = new Map(en.drivers.map((d) => [d.id, d.title]));
  return {
    ...summary,
    pack: { ...summary.pack, title: en.packTitle },
    band: en.band,
    drivers: summary.drivers.map((d) => ({ ...d, title: driverTitle.get(d.id) ?? d.title })),
    nextDue: summary.nextDue && en.nextDueTitle !== null ? { ...summary.nextDue, title: en.nextDueTitle } : summary.nextDue,
  };
}

/** Today's date in the user's time zone as YYYY-MM-DD. */
export function localDateString(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
