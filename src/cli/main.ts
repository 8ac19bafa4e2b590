import { existsSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { z } from 'zod';
import { createMunicipality } from '../core/checklist/create';
import { formatProblem } from '../core/schema/common';
import { summarizePack } from '../core/schema/pack';
import { parseMunicipalityJson, serializeMunicipality } from '../core/schema/validate-municipality';
import { roundPercent, scoreMunicipality, type GroupScore, type ScoreReport } from '../core/scoring/score';
import { writeFileAtomic } from '../backend/fs/atomic-write';
import { loadPacks } from '../backend/packs/fs-packs';
import { checkArgs, parseCommandArgs, UsageError } from './args';
import { PLAN_HELP } from './plan-help';
import { PACK_HELP, packCommand } from './pack-check';
import { readText } from './read-text';
import { SERVE_HELP, TEAM_HELP } from './team-help';
import { EVALUATION_HELP } from './evaluation-help';
import { implementationStage } from '../core/scoring/stage';
import { requirementLine } from '../core/evaluation/plan-section';
import { localDateString } from '../core/checklist/summary';
import { CliProblem } from './cli-problem';
import { WORKSPACE_HELP } from './workspace-help';

/** The engine loads only for the commands that need it, so the others start quickly. */
const workspaceCommands = () => import('./workspace-commands');

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  /** Where packs are read from; the bundled content/ folder unless a test says otherwise. */
  contentDir?: string;
  now?: () => Date;
}

const HELP: Record<string, string> = {
  '': [
    'milepael – plan and track the implementation of a social-work method',
    '',
    'Usage:',
    '  milepael packs [--json]                                   list method packs',
    '  milepael new "<municipality>" --pack <id> --out <file>    create a municipality file',
    '  milepael validate <file>                                  check a municipality file',
    '  milepael score <file> [--json]                            scores per driver, phase and overall',
    '  milepael plan <file|folder> --format md|html|docx|pdf|xlsx --out <path> [--lang da|en]',
    '                                                            implementation plan(s) for the steering group',
    '  milepael pack check <folder>                              validate a method pack folder',
    '  milepael serve --workspace DIR [--port N] [--host ADDR] [--tls-cert F --tls-key F]   run a team server',
    '  milepael team add|list|remove ... --workspace DIR          people, keys and roles of a team server',
    '  milepael evaluation <file> --import <csv|xlsx> [--out <file>]   count a register or answers into the file',
    '  milepael evaluation <file> [--from YYYY-MM --to YYYY-MM] [--json] evaluation rates, benchmarks and targets',
    '  milepael import <where> <file.json>                       add a municipality to a shared workspace',
    '  milepael edit <where> --municipality M --item I [--status S] [--owner O] [--note T] --as "<name>"',
    '  milepael export <where> --municipality M --out FILE       write a municipality as a JSON file',
    '  milepael log <where> --municipality M [--json]            who changed what, and when',
    '  milepael help [command]                                   show help',
  ].join('\n'),
  packs: 'milepael packs [--json]\n  Lists the method packs with their numbers of drivers, phases, milestones and questions.',
  new: 'milepael new "<municipality>" --pack <id> --out <file> [--force]\n  Writes a new municipality file with the checklist of the pack. Refuses to overwrite unless --force.',
  validate: 'milepael validate <file>\n  Exits 0 when the file is valid; otherwise prints every problem and exits 1.',
  score: 'milepael score <file> [--json]\n  Prints the score per driver, per wheel phase and overall (0–100 %).',
  plan: PLAN_HELP,
  pack: PACK_HELP,
  serve: SERVE_HELP,
  team: TEAM_HELP,
  evaluation: EVALUATION_HELP,
  ...WORKSPACE_HELP,
};

const EXIT = { ok: 0, problems: 1, usage: 2 } as const;

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [command = 'help', ...rest] = argv;
  try {
    switch (command) {
      case 'help':
      case '--help':
      case '-h':
        io.out(HELP[rest[0] ?? ''] ?? HELP['']!);
        return EXIT.ok;
      case 'packs':
        return await packsCommand(rest, io);
      case 'new':
        return await newCommand(rest, io);
      case 'validate':
        return await validateCommand(rest, io);
      case 'score':
        return await scoreCommand(rest, io);
      case 'plan':
        // Plans need markdown-it, docx and exceljs: loaded only for this command.
        return await (await import('./plan-command')).planCommand(rest, io);
      case 'pack':
        return await packCommand(rest, io);
      case 'serve':
        return await (await import('./serve')).serveCommand(rest, io);
      case 'team':
        return await (await import('./team')).teamCommand(rest, io);
      case 'evaluation':
        // Loaded on use: the CSV and XLSX readers are not needed by the other commands.
        return await (await import('./evaluation-command')).evaluationCommand(rest, io);
      case 'import':
        return await (await workspaceCommands()).importCommand(rest, io);
      case 'edit':
        return await (await workspaceCommands()).editCommand(rest, io);
      case 'export':
        return await (await workspaceCommands()).exportCommand(rest, io);
      case 'log':
        return await (await workspaceCommands()).logCommand(rest, io);
      default:
        throw new UsageError(`unknown command "${command}"; commands: packs, new, validate, score, plan, pack, evaluation, serve, team, import, edit, export, log, help`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`milepael: ${error.message}`);
      return EXIT.usage;
    }
    if (error instanceof CliFailure || error instanceof CliProblem) {
      io.err(`milepael: ${error.message}`);
      return EXIT.problems;
    }
    throw error;
  }
}

/** An expected failure (missing file, invalid pack) with a message for the user. */
class CliFailure extends Error {}

async function loadPacksOrFail(io: CliIo) {
  const loaded = await loadPacks(io.contentDir);
  for (const problem of loaded.problems) io.err(`milepael: pack problem: ${formatProblem(problem)}`);
  return loaded.packs;
}

async function packsCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { json: { type: 'boolean' } }, 'packs');
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}" (see "milepael help packs")`);
  const packs = await loadPacksOrFail(io);
  const summaries = packs.map(summarizePack);
  if (values.json === true) io.out(JSON.stringify(summaries, null, 2));
  else {
    for (const s of summaries) {
      io.out(`${s.id} ${s.version}  ${s.title}`);
      io.out(`  ${s.drivers} drivers, ${s.phases} phases, ${s.milestones} milestones, ${s.questions} questions, ${s.flowSteps} flow steps`);
    }
  }
  return EXIT.ok;
}

const newArgs = z.object({
  name: z.string({ message: 'give the municipality name, e.g. milepael new "Aarhus Kommune" --pack familieraadslagning --out aarhus.json' }).trim().min(1, 'the municipality name must not be empty').max(200),
  pack: z.string({ message: 'missing --pack <id>; "milepael packs" lists the ids' }).min(1),
  out: z.string({ message: 'missing --out <file>, e.g. --out aarhus.json' }).min(1),
  force: z.boolean().optional(),
});

async function newCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { pack: { type: 'string' }, out: { type: 'string' }, force: { type: 'boolean' } }, 'new');
  if (positionals.length > 1) throw new UsageError(`expected one municipality name but got ${positionals.length}; put a name with spaces in quotes`);
  const input = checkArgs(newArgs, { name: positionals[0], ...values }, 'new');
  const packs = await loadPacksOrFail(io);
  const pack = packs.find((p) => p.id === input.pack);
  if (!pack) throw new UsageError(`unknown pack "${input.pack}"; available: ${packs.map((p) => p.id).join(', ')}`);
  const out = path.resolve(input.out);
  if (existsSync(out) && input.force !== true) throw new CliFailure(`${input.out} already exists; choose another --out or add --force to overwrite`);
  if (!existsSync(path.dirname(out))) throw new CliFailure(`the folder ${path.dirname(input.out)} does not exist`);
  const file = createMunicipality(pack, input.name, { now: io.now ?? (() => new Date()), newId: randomUUID });
  await writeFileAtomic(out, serializeMunicipality(file));
  io.out(`Created ${input.out}: ${file.name}, ${pack.title} ${pack.version}, ${file.items.length} checklist items`);
  return EXIT.ok;
}

async function readMunicipality(fileArg: string) {
  const read = await readText(fileArg);
  if (!read.ok) throw new CliFailure(read.message);
  return parseMunicipalityJson(read.text, fileArg);
}

const fileArg = (command: string) =>
  z.object({ file: z.string({ message: `give the municipality file, e.g. milepael ${command} aarhus.json` }).min(1) });

async function validateCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { positionals } = parseCommandArgs(args, {}, 'validate');
  if (positionals.length > 1) throw new UsageError('validate takes one file at a time');
  const { file } = checkArgs(fileArg('validate'), { file: positionals[0] }, 'validate');
  const result = await readMunicipality(file);
  if (!result.ok) {
    for (const problem of result.problems) io.err(formatProblem(problem));
    io.err(`${file}: ${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}`);
    return EXIT.problems;
  }
  const migrated = result.value.migratedFrom.length > 0 ? ` (would be migrated from schema ${result.value.migratedFrom[0]})` : '';
  io.out(`${file}: valid – ${result.value.file.name}, ${result.value.file.items.length} checklist items${migrated}`);
  return EXIT.ok;
}

async function scoreCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { json: { type: 'boolean' } }, 'score');
  if (positionals.length > 1) throw new UsageError('score takes one file at a time');
  const { file } = checkArgs(fileArg('score'), { file: positionals[0] }, 'score');
  const result = await readMunicipality(file);
  if (!result.ok) {
    for (const problem of result.problems) io.err(formatProblem(problem));
    throw new CliFailure(`${file} is not a valid municipality file; run "milepael validate ${file}" for details`);
  }
  const municipality = result.value.file;
  const report = scoreMunicipality(municipality);
  // Issue 12: the implementation stage with what the next stage needs.
  const stage = implementationStage(municipality, localDateString((io.now ?? (() => new Date()))()));
  const stageJson = stage ? { id: stage.current.id, title: stage.current.titleEn, position: stage.index + 1, of: stage.stages.length, missingForNext: stage.missingForNext.map((c) => requirementLine(c, 'en')) } : null;
  if (values.json === true) io.out(JSON.stringify({ ...scoreJson(municipality.name, municipality.pack, report), stage: stageJson, computedFrom: OVERALL_BASIS }, null, 2));
  else {
    printScore(municipality.name, `${municipality.pack.title} ${municipality.pack.version}`, report, io);
    io.out(`(${OVERALL_BASIS})`);
    if (stage) {
      io.out(`Stage ${stage.current.titleEn} (${stage.index + 1} of ${stage.stages.length})`);
      for (const line of stageJson!.missingForNext) io.out(`  missing for ${stage.next!.titleEn}: ${line}`);
    }
  }
  return EXIT.ok;
}

const OVERALL_BASIS = "overall: the pack's milestones only (in place 2, in progress 1, not started 0; not relevant left out); each flow has its own figure";

const round1 = (n: number | null) => roundPercent(n);

function groupJson(g: GroupScore) {
  return { id: g.id, title: g.title, percent: round1(g.percent), earned: g.earned, possible: g.possible, counts: g.counts };
}

function scoreJson(name: string, pack: { id: string; version: string }, report: ScoreReport) {
  return {
    municipality: name,
    pack: { id: pack.id, version: pack.version },
    overall: { ...groupJson(report.overall), band: report.band ? { id: report.band.id, title: report.band.title } : null },
    drivers: report.drivers.map(groupJson),
    phases: report.phases.map(groupJson),
    flows: report.flows.map(groupJson),
  };
}

function bar(percent: number | null): string {
  const filled = percent === null ? 0 : Math.round(percent / 5);
  return `${'█'.repeat(filled)}${'░'.repeat(20 - filled)}`;
}

function printScore(name: string, packLabel: string, report: ScoreReport, io: CliIo): void {
  const pct = (p: number | null) => (p === null ? '   –' : `${String(Math.round(p)).padStart(3)} %`);
  const rows = (title: string, groups: GroupScore[]) => {
    if (groups.length === 0) return;
    io.out(title);
    const width = Math.max(...groups.map((g) => g.title.length));
    for (const g of groups) io.out(`  ${g.title.padEnd(width)}  ${pct(g.percent)}  ${bar(g.percent)}`);
  };
  io.out(`${name} – ${packLabel}`);
  io.out(`Overall ${pct(report.overall.percent)}${report.band ? `  (${report.band.title})` : ''}`);
  rows('Drivers', report.drivers);
  rows('Wheel phases', report.phases);
  rows('Flows', report.flows);
}
