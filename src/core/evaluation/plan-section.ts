import type { MunicipalityFile } from '../schema/municipality';
import { formatPlanMonth } from '../plan/labels';
import { implementationStage, type RequirementCheck, type StageReport } from '../scoring/stage';
import { evaluationResults, shiftMonth, type EvaluationResults } from './results';
import { DURATION_HOUR_BOUNDS, WAIT_WEEK_BOUNDS } from './data';

/**
 * The plan's evaluation section (issue 12): the implementation stage with what the next stage
 * needs, and the last twelve months' evaluation figures beside Esbjerg's and the municipality's
 * targets, with notes on how every figure is computed. Pure data plus Markdown, so every plan
 * format (Markdown, HTML, PDF, DOCX) can show it.
 */

type Language = 'da' | 'en';

export interface EvaluationSectionRow {
  label: string;
  value: string;
  basis: string;
  benchmark: string;
  target: string;
}

export interface EvaluationSection {
  heading: string;
  stage: { title: string; position: string; next: string | null; missing: string[]; source: string | null } | null;
  period: string;
  summary: string;
  example: string | null;
  registerHeaders: string[];
  register: EvaluationSectionRow[];
  itemHeaders: string[];
  items: string[][];
  notes: string[];
  source: string | null;
  markdown: string;
}

const WORDS = {
  da: {
    heading: 'Evaluering og implementeringsstadie',
    stage: 'Implementeringsstadie',
    position: 'stadie {n} af {total}',
    next: 'Mangler for at nå {stage}',
    top: 'Højeste stadie er nået.',
    results: 'Resultater',
    summary: '{first} første rådslagninger og {followUp} opfølgninger; {forms} spørgeskemaer.',
    noData: 'Der er ingen evalueringstal i perioden.',
    example: 'Evalueringstallene i eksemplet er opdigtede.',
    registerHeaders: ['Mål', 'Jeres tal', 'Beregnet af', 'Esbjerg', 'Jeres mål'],
    itemHeaders: ['Spørgsmål', 'Svar', 'Positive (4–5)', 'Neutrale (3)', 'Negative (1–2)', 'Esbjerg', 'Jeres mål'],
    of: '{count} af {of}',
    negativeBenchmark: '{value} negative',
    metric: { plan_rate: 'Rådslagninger med en plan', within_weeks: 'Holdt inden for {weeks} uger efter ja', within_hours: 'Varede højst {hours} timer', follow_up_rate: 'Fulgt op efter {from}–{to} måneder' },
    notesHeading: 'Sådan er tallene regnet',
    notes: [
      'Samlet score: point for pakkens milepæle alene (På plads 2, I gang 1, Ikke startet 0; Ikke relevant tæller ikke med). Forløbet i år 1 har sit eget tal.',
      'Evalueringsfasen i hjulet tæller også, om der indsamles resultater: mindst {months} måneder med spørgeskemaer svarer til en milepæl på plads, færre til en milepæl i gang.',
      'Svar fra 1 til 5 læses 2-1-2: 4–5 er positive, 3 neutral, 1–2 negative; procenterne er af dem, der svarede på spørgsmålet.',
      'Ventetid regnes fra barnets ja til rådslagningen; varighed regnes i timer; opfølgning tæller, når den holdes {from}–{to} måneder efter den første rådslagning, og kun første rådslagninger, der er mindst {from} måneder gamle, indgår.',
      'Stadiet følger reglerne i metodepakken: kun "På plads" tæller, så "I gang" flytter aldrig kommunen til et senere stadie.',
    ],
    need: {
      inPlace: '{count} milepæle skal være på plads: {items}',
      inPlaceOne: 'Denne milepæl skal være på plads: {items}',
      andMore: 'og {count} flere',
      conferencesHeld: 'Mindst {need} rådslagning holdt (nu {have})',
      targetShare: 'Mindst {need} rådslagninger de seneste 12 måneder (nu {have})',
      targetMissing: 'Et mål for årets antal rådslagninger (nu {have} de seneste 12 måneder)',
      evaluationMonths: 'Spørgeskemaresultater i mindst {need} måneder (nu {have})',
    },
    source: 'Kilde til sammenligningstal: {source}.',
    stageSource: 'Kilde til stadierne: {source}.',
  },
  en: {
    heading: 'Evaluation and implementation stage',
    stage: 'Implementation stage',
    position: 'stage {n} of {total}',
    next: 'Missing to reach {stage}',
    top: 'The highest stage is reached.',
    results: 'Results',
    summary: '{first} first conferences and {followUp} follow-ups; {forms} questionnaires.',
    noData: 'There are no evaluation figures in the period.',
    example: 'The example’s evaluation figures are invented.',
    registerHeaders: ['Measure', 'Your figure', 'Computed from', 'Esbjerg', 'Your target'],
    itemHeaders: ['Question', 'Answers', 'Positive (4–5)', 'Neutral (3)', 'Negative (1–2)', 'Esbjerg', 'Your target'],
    of: '{count} of {of}',
    negativeBenchmark: '{value} negative',
    metric: { plan_rate: 'Conferences with a plan', within_weeks: 'Held within {weeks} weeks of the yes', within_hours: 'Lasted at most {hours} hours', follow_up_rate: 'Followed up after {from}–{to} months' },
    notesHeading: 'How the figures are computed',
    notes: [
      'Overall score: points for the pack’s milestones only (In place 2, In progress 1, Not started 0; Not relevant left out). The year-1 flow has its own figure.',
      'The wheel’s evaluation phase also counts whether results are collected: at least {months} months with questionnaires count as a milestone in place, fewer as one in progress.',
      'Answers from 1 to 5 are read 2-1-2: 4–5 positive, 3 neutral, 1–2 negative; percentages are of those who answered the question.',
      'Waiting time runs from the child’s yes to the conference; duration is in hours; a follow-up counts when held {from}–{to} months after the first conference, and only first conferences at least {from} months old are included.',
      'The stage follows the rules in the method pack: only "In place" counts, so "In progress" never moves a municipality to a later stage.',
    ],
    need: {
      inPlace: '{count} milestones must be in place: {items}',
      inPlaceOne: 'This milestone must be in place: {items}',
      andMore: 'and {count} more',
      conferencesHeld: 'At least {need} conference held (now {have})',
      targetShare: 'At least {need} conferences in the last 12 months (now {have})',
      targetMissing: 'A target for the year’s number of conferences (now {have} in the last 12 months)',
      evaluationMonths: 'Questionnaire results in at least {need} months (now {have})',
    },
    source: 'Source of the benchmark figures: {source}.',
    stageSource: 'Source of the stages: {source}.',
  },
} as const;

const fill = (template: string, values: Record<string, string | number>) => template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));

function percent(language: Language, value: number | null): string {
  return value === null ? '–' : new Intl.NumberFormat(language === 'da' ? 'da-DK' : 'en-GB', { style: 'percent', maximumFractionDigits: 1 }).format(value / 100);
}

/** Plain text in a Markdown table cell or line: no markup can come through. */
function plain(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').replace(/[\\`*_[\]<>|~#]/g, (c) => `\\${c}`);
}

/** maxItems: a short line names the first few milestones and counts the rest (the plan's page 1). */
export function requirementLine(check: RequirementCheck, language: Language, maxItems = Number.POSITIVE_INFINITY): string {
  const need = WORDS[language].need;
  switch (check.kind) {
    case 'inPlace': {
      const rest = Math.max(0, check.missing.length - maxItems);
      const items = check.missing.slice(0, check.missing.length - rest).join('; ') + (rest > 0 ? ` ${fill(need.andMore, { count: rest })}` : '');
      return fill(check.missing.length === 1 ? need.inPlaceOne : need.inPlace, { count: check.missing.length, items });
    }
    case 'conferencesHeld':
      return fill(need.conferencesHeld, { need: check.need ?? 0, have: check.have ?? 0 });
    case 'targetShare':
      return check.need === null ? fill(need.targetMissing, { have: check.have ?? 0 }) : fill(need.targetShare, { need: check.need, have: check.have ?? 0 });
    case 'evaluationMonths':
      return fill(need.evaluationMonths, { need: check.need ?? 0, have: check.have ?? 0 });
  }
}

export function metricText(metric: keyof (typeof WORDS)['da']['metric'], results: EvaluationResults, language: Language): string {
  const n = results.norms;
  return fill(WORDS[language].metric[metric], { weeks: n.maxWeeksFromYes, hours: n.maxHours, from: n.followUpMonths[0], to: n.followUpMonths[1] });
}

/** Null when the municipality's pack has neither evaluation items nor stages. */
export function evaluationSection(file: MunicipalityFile, today: string, language: Language): EvaluationSection | null {
  const definition = file.framework.evaluation;
  if (!definition) return null;
  const w = WORDS[language];
  const to = today.slice(0, 7);
  const from = shiftMonth(to, -11);
  const results = evaluationResults(file, from, to);
  const stage: StageReport | null = implementationStage(file, today);
  const title = (x: { title: string; titleEn: string }) => (language === 'da' ? x.title : x.titleEn);
  const pct = (v: number | null) => percent(language, v);
  const register = results.register.map((r) => ({
    label: metricText(r.metric, results, language),
    value: pct(r.percent),
    basis: fill(w.of, { count: r.count, of: r.of }),
    benchmark: pct(r.benchmark),
    target: pct(r.target),
  }));
  const items = results.items.map((i) => [
    title(i),
    String(i.all.answers),
    pct(i.all.positive),
    pct(i.all.neutral),
    pct(i.all.negative),
    i.benchmark === null ? '–' : i.benchmark.positive !== undefined ? pct(i.benchmark.positive) : fill(w.negativeBenchmark, { value: pct(i.benchmark.negative ?? null) }),
    pct(i.target),
  ]);
  const notes = w.notes.map((n) => fill(n, { months: 6, from: results.norms.followUpMonths[0], to: results.norms.followUpMonths[1] }));
  const section: Omit<EvaluationSection, 'markdown'> = {
    heading: w.heading,
    stage: stage
      ? {
          title: title(stage.current),
          position: fill(w.position, { n: stage.index + 1, total: stage.stages.length }),
          next: stage.next ? fill(w.next, { stage: title(stage.next) }) : null,
          missing: stage.missingForNext.map((c) => requirementLine(c, language)),
          source: stage.source,
        }
      : null,
    // "december 2025 – november 2026": a steering group reads months by name, not as 2025-12.
    period: `${formatPlanMonth(language, from)} – ${formatPlanMonth(language, to)}`,
    summary: results.months === 0 ? w.noData : fill(w.summary, { first: results.firstConferences, followUp: results.followUpConferences, forms: results.forms }),
    example: file.isExample ? w.example : null,
    registerHeaders: [...w.registerHeaders],
    register,
    itemHeaders: [...w.itemHeaders],
    items,
    notes,
    source: results.sourceTitle,
  };
  return { ...section, markdown: sectionMarkdown(section, language) };
}

function table(headers: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  return [`| ${headers.map(plain).join(' | ')} |`, `| ${headers.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.map(plain).join(' | ')} |`)].join('\n');
}

function sectionMarkdown(s: Omit<EvaluationSection, 'markdown'>, language: Language): string {
  const w = WORDS[language];
  const out: string[] = [`## ${s.heading}`, ''];
  if (s.stage) {
    out.push(`${w.stage}: **${plain(s.stage.title)}** (${s.stage.position}).`, '');
    if (s.stage.next) out.push(`${plain(s.stage.next)}:`, '', ...s.stage.missing.map((m) => `- ${plain(m)}`), '');
    else out.push(w.top, '');
    if (s.stage.source) out.push(fill(w.stageSource, { source: plain(s.stage.source) }), '');
  }
  out.push(`### ${w.results} ${s.period}`, '', s.summary, '');
  if (s.example) out.push(`*${s.example}*`, '');
  out.push(table(s.registerHeaders, s.register.map((r) => [r.label, r.value, r.basis, r.benchmark, r.target])), '');
  if (s.items.length > 0) out.push(table(s.itemHeaders, s.items), '');
  if (s.source) out.push(fill(w.source, { source: plain(s.source) }), '');
  out.push(`### ${w.notesHeading}`, '', ...s.notes.map((n) => `- ${plain(n)}`), '');
  return out.join('\n');
}

/** The bucket bounds, for formats that list the distributions. */
export const EVALUATION_BUCKETS = { weeks: WAIT_WEEK_BOUNDS, hours: DURATION_HOUR_BOUNDS };
