import { mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { localDateString } from '../core/checklist/summary';
import { PLAN_FORMATS, planOptionsSchema } from '../core/plan/options';
import { formatProblem } from '../core/schema/common';
import { parseMunicipalityJson } from '../core/schema/validate-municipality';
import { exportPlan, planContextFromPack } from '../backend/plan/export';
import { loadPacks } from '../backend/packs/fs-packs';
import { createChromiumPdf } from '../backend/plan/pdf';
import { checkArgs, parseCommandArgs, UsageError } from './args';
import type { CliIo } from './main';
import { readText } from './read-text';
import { outputGuard } from './output-guard';


export { PLAN_HELP } from './plan-help';

const planArgs = z.object({
  input: z.string({ message: 'give a municipality file or a folder of them, e.g. milepael plan aarhus.json --format docx --out plan.docx' }).min(1),
  format: z.enum(PLAN_FORMATS, { message: `--format must be one of ${PLAN_FORMATS.join(', ')}` }),
  out: z.string({ message: 'missing --out <path>' }).min(1),
  lang: z.enum(['da', 'en'], { message: '--lang must be da or en' }).default('da'),
  author: z.string().max(200).optional(),
  'plan-version': z.string().max(50).optional(),
  sections: z.string().optional(),
  'no-notes': z.boolean().optional(),
  'no-answers': z.boolean().optional(),
  'not-relevant': z.boolean().optional(),
  force: z.boolean().optional(),
});

export async function planCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    args,
    {
      format: { type: 'string' },
      out: { type: 'string' },
      lang: { type: 'string' },
      author: { type: 'string' },
      'plan-version': { type: 'string' },
      sections: { type: 'string' },
      'no-notes': { type: 'boolean' },
      'no-answers': { type: 'boolean' },
      'not-relevant': { type: 'boolean' },
      force: { type: 'boolean' },
    },
    'plan',
  );
  if (positionals.length > 1) throw new UsageError('plan takes one file or one folder');
  const input = checkArgs(planArgs, { input: positionals[0], ...values }, 'plan');
  const options = checkArgs(
    planOptionsSchema,
    {
      language: input.lang,
      includeNotes: input['no-notes'] !== true,
      includeAnswers: input['no-answers'] !== true,
      includeNotRelevant: input['not-relevant'] === true,
      ...(input.sections === undefined ? {} : { sections: input.sections.split(',').map((s) => s.trim()).filter(Boolean) }),
      ...(input.author === undefined ? {} : { author: input.author }),
      ...(input['plan-version'] === undefined ? {} : { version: input['plan-version'] }),
    },
    'plan',
  );

  const source = await stat(input.input).catch(() => null);
  if (source === null) throw new UsageError(`${input.input}: no such file or folder`);
  const batch = source.isDirectory();
  const files = batch
    ? (await readdir(input.input)).filter((n) => n.endsWith('.json')).sort().map((n) => path.join(input.input, n))
    : [input.input];
  if (files.length === 0) throw new UsageError(`${input.input} holds no .json municipality files`);
  if (batch) await mkdir(input.out, { recursive: true });
  else {
    const outInfo = await stat(input.out).catch(() => null);
    if (outInfo?.isDirectory()) throw new UsageError(`--out ${input.out} is a folder; give a file name, e.g. --out ${path.join(input.out, `plan.${input.format}`)}`);
    if (!(await stat(path.dirname(path.resolve(input.out))).catch(() => null))) throw new UsageError(`the folder of --out ${input.out} does not exist`);
  }
  const force = input.force === true;
  const refusal = await outputGuard(files, force);
  if (!batch) {
    const reason = await refusal(input.out);
    if (reason !== null) throw new UsageError(reason);
  }

  const today = localDateString((io.now ?? (() => new Date()))());
  const pdf = createChromiumPdf();
  // The pack adds the method's cornerstones to the plan; a plan is still written without it.
  const { packs } = await loadPacks(io.contentDir).catch(() => ({ packs: [] }));
  const failed: string[] = [];
  const written = new Set<string>();
  try {
    for (const [index, file] of files.entries()) {
      const prefix = batch ? `[${index + 1}/${files.length}] ` : '';
      const read = await readText(file);
      if (!read.ok) {
        failed.push(read.message);
        io.err(`${prefix}${file}: skipped, cannot be read`);
        continue;
      }
      const parsed = parseMunicipalityJson(read.text, file);
      if (!parsed.ok) {
        failed.push(`${parsed.problems.slice(0, 2).map(formatProblem).join("; ")}${parsed.problems.length > 2 ? ` (+${parsed.problems.length - 2} more)` : ''}`);
        io.err(`${prefix}${file}: skipped, not a valid municipality file`);
        continue;
      }
      try {
        const packOfFile = packs.find((p) => p.id === parsed.value.file.pack.id);
        const plan = await exportPlan(parsed.value.file, input.format, options, today, pdf.render, { markdownChartFiles: true, context: planContextFromPack(packOfFile) });
        let target = batch ? path.join(input.out, plan.fileName) : input.out;
        // Two municipalities with the same name in one folder must not overwrite each other's plan.
        for (let n = 2; batch && written.has(target); n++) target = path.join(input.out, plan.fileName.replace(/(\.\w+)$/, `-${n}$1`));
        written.add(target);
        const reason = await refusal(target);
        if (reason !== null) {
          failed.push(reason);
          io.err(`${prefix}${file}: skipped, ${target} is kept`);
          continue;
        }
        // 'wx' closes the gap between the check and the write.
        await writeFile(target, plan.data, { flag: force ? 'w' : 'wx' });
        // The Markdown plan's charts are PNG files beside it, under the names the plan refers to.
        for (const attachment of plan.attachments ?? []) await writeFile(path.join(path.dirname(target), attachment.fileName), attachment.data, { flag: force ? 'w' : 'wx' });
        io.err(`${prefix}${parsed.value.file.name} → ${target}`);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        if (error instanceof Error && 'code' in error && error.code === 'unavailable') {
          io.err(`milepael: ${message}`);
          return 1;
        }
        failed.push(`${file}: ${message}`);
        io.err(`${prefix}${file}: failed`);
      }
    }
  } finally {
    await pdf.close();
  }
  if (failed.length > 0) {
    io.err(`${files.length - failed.length} of ${files.length} plans written; these files could not be exported:`);
    for (const f of failed) io.err(`  ${f}`);
    return 1;
  }
  if (batch) io.out(`${files.length} plans written to ${input.out}`);
  return 0;
}
