import { steeringLabels } from './labels-steering';
import type { Status } from '../schema/common';

/** The plan's own words in both languages; the method's content stays as the pack wrote it. */
const da = {
  title: 'Implementeringsplan',
  municipality: 'Kommune',
  method: 'Metode',
  methodVersion: 'version',
  date: 'Dato',
  author: 'Udarbejdet af',
  version: 'Version',
  example: 'Eksempel – ikke en rigtig kommune',
  summary: 'Sammenfatning',
  overallLine: 'Samlet score',
  maturity: 'modenhed',
  driver: 'Driver',
  phase: 'Fase',
  score: 'Score',
  milestones: 'Milepæle',
  status: 'Status',
  owner: 'Ansvarlig',
  due: 'Frist',
  decisions: 'Beslutninger',
  notes: 'Noter',
  evidence: 'Dokumentation',
  actions: 'Handlingsplan',
  actionsIntro: 'Alle punkter, der ikke er på plads, med frist – sorteret efter frist.',
  overdue: 'forsinket',
  item: 'Punkt',
  noActions: 'Ingen åbne punkter har en frist.',
  noDueDate: 'Uden frist',
  phases: 'Implementeringshjulet',
  focusAreas: 'Fokusområder',
  remaining: 'Mangler',
  nothingRemaining: 'Alt i denne fase er på plads.',
  flow: 'Forløbet i år 1',
  waitingFor: 'venter på',
  decision: 'Beslutning',
  task: 'Opgave',
  openQuestions: 'Åbne spørgsmål',
  openQuestionsIntro: 'Spørgsmål til drøftelse, som endnu ikke er besvaret.',
  noOpenQuestions: 'Alle spørgsmål er besvaret.',
  sources: 'Bilag: Kilder',
  sourcesIntro: 'Metodens indhold bygger på følgende kilder. Teksterne er gengivet med egne ord.',
  chartDrivers: 'Score pr. implementeringsdriver',
  chartWheel: 'Implementeringshjulet: score pr. fase',
  delta: 'Siden sidste statusmåling',
  deltaIntro: 'Sammenligning af statusmålingen {round} med status i dag.',
  before: 'Før',
  after: 'Nu',
  change: 'Ændring',
  points: 'point',
  dip: 'implementeringsdyk',
  movedUp: 'Rykket frem',
  movedDown: 'Rykket tilbage',
  newlyOverdue: 'Blevet forsinket',
  newDecisions: 'Nye beslutninger',
  nothing: 'Ingen.',
  tally: 'Mål for året',
  tallyLine: '{total} af {target} ({percent}) i {year}',
  tallyNoTarget: '{total} i {year} (intet mål sat)',
  page: 'Side',
  of: 'af',
  none: '–',
  generatedBy: 'Lavet med Milepæl',
  ...steeringLabels.da,
} as const;

export type PlanLabels = Record<keyof typeof da, string>;

const en: PlanLabels = {
  title: 'Implementation plan',
  municipality: 'Municipality',
  method: 'Method',
  methodVersion: 'version',
  date: 'Date',
  author: 'Prepared by',
  version: 'Version',
  example: 'Example – not a real municipality',
  summary: 'Summary',
  overallLine: 'Overall score',
  maturity: 'maturity',
  driver: 'Driver',
  phase: 'Phase',
  score: 'Score',
  milestones: 'Milestones',
  status: 'Status',
  owner: 'Owner',
  due: 'Due',
  decisions: 'Decisions',
  notes: 'Notes',
  evidence: 'Evidence',
  actions: 'Action plan',
  actionsIntro: 'Every item that is not in place and has a due date, sorted by due date.',
  overdue: 'overdue',
  item: 'Item',
  noActions: 'No open item has a due date.',
  noDueDate: 'No due date',
  phases: 'The implementation wheel',
  focusAreas: 'Focus areas',
  remaining: 'Remaining',
  nothingRemaining: 'Everything in this phase is in place.',
  flow: 'Year-1 flow',
  waitingFor: 'waiting for',
  decision: 'Decision',
  task: 'Task',
  openQuestions: 'Open questions',
  openQuestionsIntro: 'Guiding questions that have not been answered yet.',
  noOpenQuestions: 'Every question has been answered.',
  sources: 'Appendix: Sources',
  sourcesIntro: "The method's content is based on the following sources, written in our own words.",
  chartDrivers: 'Score per implementation driver',
  chartWheel: 'The implementation wheel: score per phase',
  delta: 'Since the last assessment round',
  deltaIntro: 'The assessment round {round} compared with the status today.',
  before: 'Before',
  after: 'Now',
  change: 'Change',
  points: 'points',
  dip: 'implementation dip',
  movedUp: 'Moved up',
  movedDown: 'Moved down',
  newlyOverdue: 'Became overdue',
  newDecisions: 'New decisions',
  nothing: 'None.',
  tally: 'Target for the year',
  tallyLine: '{total} of {target} ({percent}) in {year}',
  tallyNoTarget: '{total} in {year} (no target set)',
  page: 'Page',
  of: 'of',
  none: '–',
  generatedBy: 'Made with Milepæl',
  ...steeringLabels.en,
};

const STATUS_LABELS: Record<'da' | 'en', Record<Status, string>> = {
  da: { not_started: 'Ikke startet', in_progress: 'I gang', in_place: 'På plads', not_relevant: 'Ikke relevant' },
  en: { not_started: 'Not started', in_progress: 'In progress', in_place: 'In place', not_relevant: 'Not relevant' },
};

export function planLabels(language: 'da' | 'en'): PlanLabels {
  return language === 'da' ? da : en;
}

export function statusLabel(language: 'da' | 'en', status: Status): string {
  return STATUS_LABELS[language][status];
}

const LOCALE = { da: 'da-DK', en: 'en-GB' } as const;

/** "64 %" in Danish (with a no-break space), "64%" in English; "–" when nothing is scored. */
export function formatPlanPercent(language: 'da' | 'en', percent: number | null): string {
  if (percent === null) return '–';
  return new Intl.NumberFormat(LOCALE[language], { style: 'percent', maximumFractionDigits: 0 }).format(percent / 100);
}

/** "december 2026" / "December 2026" for a YYYY-MM month. */
export function formatPlanMonth(language: 'da' | 'en', month: string): string {
  const date = new Date(`${month}-01T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return month;
  return new Intl.DateTimeFormat(LOCALE[language], { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}

/** Short month names for chart axes, January first. */
export function monthNames(language: 'da' | 'en'): string[] {
  const format = new Intl.DateTimeFormat(LOCALE[language], { month: 'short', timeZone: 'UTC' });
  return Array.from({ length: 12 }, (_, m) => format.format(new Date(Date.UTC(2026, m, 1))).replace(/\.$/, ''));
}
