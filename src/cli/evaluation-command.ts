import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { evaluationResults, type EvaluationResults } from '../core/evaluation/results';
import { metricText, requirementLine } from '../core/evaluation/plan-section';
import { formatProblem } from '../core/schema/common';
import type { MunicipalityFile } from '../core/schema/municipality';
import { parseMunicipalityJson, serializeMunicipality } from '../core/schema/validate-municipality';
import { implementationStage, type StageReport } from '../core/scoring/stage';
import { localDateString } from '../core/checklist/summary';
import { writeFileAtomic } from '../backend/fs/atomic-write';
import { formatImportProblem, importEvaluation } from '../backend/evaluation/import';
import { checkArgs, parseCommandArgs, UsageError } from './args';
import { readText } from './read-text';

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month written YYYY-MM, e.g. 2026-01');
const argsSchema = z.object({
  file: z.string({ message: 'give the municipality file, e.g. milepael evaluation aarhus.json --import register.csv' }).min(1),
  import: z.string().min(1).optional(),
  out: z.string().min(1).optional(),
  from: month.optional(),
  to: month.optional(),
  json: z.boolean().optional(),
});

export interface EvaluationIo {
  out: (line: string) => void;
  err: (line: string) => void;
  now?: () => Date;
}

/** Returns the exit code: 0 done, 1 refused or invalid file; usage mistakes throw UsageError (exit 2). */
export async function evaluationCommand(args: readonly string[], io: EvaluationIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { import: { type: 'string' }, out: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, json: { type: 'boolean' } }, 'evaluation');
  if (positionals.length > 1) throw new UsageError('evaluation takes one municipality file at a time');
  const input = checkArgs(argsSchema, { file: positionals[0], ...values }, 'evaluation');
  if (input.import === undefined && input.out !== undefined) throw new UsageError('--out is only used with --import');
  if (input.from !== undefined && input.to !== undefined && input.from > input.to) throw new UsageError(`--from ${input.from} is after --to ${input.to}`);

  const read = await readText(input.file);
  if (!read.ok) return fail(io, read.message);
  const parsed = parseMunicipalityJson(read.text, input.file);
  if (!parsed.ok) {
    for (const problem of parsed.problems) io.err(formatProblem(problem));
    return fail(io, `${input.file} is not a valid municipality file; run "milepael validate ${input.file}" for details`);
  }
  const file = parsed.value.file;

  if (input.import !== undefined) {
    let bytes: Uint8Array;
    try {
      bytes = await readFile(input.import);
    } catch {
      return fail(io, `${input.import}: no such file or it cannot be read`);
    }
    const result = await importEvaluation(file, path.basename(input.import), bytes);
    if (!result.ok) {
      for (const problem of result.problems) io.err(`${input.import}: ${formatImportProblem(problem, 'en')}`);
      return fail(io, `${input.import} was not imported; ${input.out ?? input.file} is unchanged`);
    }
    const target = input.out ?? input.file;
    await writeFileAtomic(path.resolve(target), serializeMunicipality(result.file));
    for (const k of result.summary.kinds) {
      io.out(`Imported ${k.rows} rows (${k.kind === 'register' ? 'conference register' : 'questionnaire answers'}${k.sheet ? `, sheet "${k.sheet}"` : ''}) into ${k.months.length} months: ${k.months.join(', ')}`);
      if (k.ignoredColumns.length > 0) io.out(`  columns not used: ${k.ignoredColumns.join(', ')}`);
    }
    io.out(`Wrote ${target}; the rows themselves were not stored.`);
    return 0;
  }

  const today = localDateString((io.now ?? (() => new Date()))());
  const results = evaluationResults(file, input.from ?? null, input.to ?? null);
  const stage = implementationStage(file, today);
  if (input.json === true) io.out(JSON.stringify(evaluationJson(file, results, stage), null, 2));
  else printEvaluation(file, results, stage, io);
  return 0;
}

function fail(io: EvaluationIo, message: string): number {
  io.err(`milepael: ${message}`);
  return 1;
}

const round1 = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);

export function evaluationJson(file: MunicipalityFile, r: EvaluationResults, stage: StageReport | null) {
  return {
    municipality: file.name,
    isExample: file.isExample,
    period: { from: r.from, to: r.to, months: r.months },
    conferences: { first: r.firstConferences, followUp: r.followUpConferences, plans: r.plans },
    forms: r.forms,
    formsByGroup: r.formsByGroup,
    register: r.register.map((x) => ({ metric: x.metric, label: metricText(x.metric, r, 'en'), count: x.count, of: x.of, percent: round1(x.percent), benchmark: x.benchmark, target: x.target })),
    items: r.items.map((i) => ({
      id: i.id,
      title: i.titleEn,
      answers: i.all.answers,
      counts: i.all.counts,
      positive: round1(i.all.positive),
      neutral: round1(i.all.neutral),
      negative: round1(i.all.negative),
      benchmark: i.benchmark ? { positive: i.benchmark.positive ?? null, negative: i.benchmark.negative ?? null } : null,
      target: i.target,
      groups: i.groups.map((g) => ({ id: g.id, answers: g.shares.answers, positive: round1(g.shares.positive), neutral: round1(g.shares.neutral), negative: round1(g.shares.negative), benchmark: g.benchmark?.positive ?? null })),
    })),
    benchmarkSource: r.sourceTitle,
    reading: 'answers 4–5 positive, 3 neutral, 1–2 negative; percentages of those who answered',
    stage: stage ? { id: stage.current.id, title: stage.current.titleEn, position: stage.index + 1, of: stage.stages.length, next: stage.next?.id ?? null, missing: stage.missingForNext.map((c) => requirementLine(c, 'en')), source: stage.source } : null,
  };
}

function printEvaluation(file: MunicipalityFile, r: EvaluationResults, stage: StageReport | null, io: EvaluationIo): void {
  const pct = (p: number | null) => (p === null ? '–' : `${(Math.round(p * 10) / 10).toFixed(1)} %`);
  io.out(`${file.name} – evaluation ${r.from ?? 'all'} … ${r.to ?? 'all'} (${r.months} months with figures)${file.isExample ? ' – the example\'s figures are invented' : ''}`);
  io.out(`${r.firstConferences} first conferences, ${r.followUpConferences} follow-ups, ${r.forms} questionnaires`);
  io.out('Measure                                   yours     (computed from)   benchmark  target');
  for (const x of r.register) io.out(`  ${metricText(x.metric, r, 'en').padEnd(40)} ${pct(x.percent).padStart(7)}   ${`${x.count} of ${x.of}`.padEnd(16)}  ${pct(x.benchmark).padStart(7)}  ${pct(x.target).padStart(7)}`);
  if (r.items.length > 0) {
    io.out('Questionnaire item (positive 4–5 / neutral 3 / negative 1–2 of those who answered)');
    for (const i of r.items) {
      const bench = i.benchmark ? (i.benchmark.positive !== undefined ? `benchmark ${pct(i.benchmark.positive)}` : `benchmark ${pct(i.benchmark.negative ?? null)} negative`) : 'no benchmark';
      io.out(`  ${i.titleEn.padEnd(52)} ${pct(i.all.positive).padStart(7)} / ${pct(i.all.neutral).padStart(7)} / ${pct(i.all.negative).padStart(7)}  n=${i.all.answers}  ${bench}  target ${pct(i.target)}`);
    }
  }
  if (r.sourceTitle) io.out(`Benchmarks: ${r.sourceTitle}`);
  if (stage) {
    io.out(`Stage: ${stage.current.titleEn} (${stage.index + 1} of ${stage.stages.length})${stage.source ? ` – ${stage.source}` : ''}`);
    if (stage.next) for (const c of stage.missingForNext) io.out(`  missing for ${stage.next.titleEn}: ${requirementLine(c, 'en')}`);
  }
}
