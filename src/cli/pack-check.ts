import { stat } from 'node:fs/promises';
import { z } from 'zod';
import { formatProblem } from '../core/schema/common';
import { loadPackFolder } from '../backend/packs/fs-packs';
import { missingEnglish } from '../core/pack/english';
import { checkArgs, parseCommandArgs, UsageError } from './args';

export const PACK_HELP = [
  'milepael pack check <folder>',
  '  Validates a method pack folder (pack.yml and milestones/NN-name.md) the way the app loads it.',
  '  Prints every problem with the file and the field it is in and exits 1; exits 0 when the pack is valid.',
  '  How to write a pack: docs/packs.md.',
].join('\n');

interface PackCheckIo {
  out: (line: string) => void;
  err: (line: string) => void;
}

const checkArgsSchema = z.object({
  folder: z.string({ error: 'name the pack folder to check, e.g. milepael pack check content/min-metode' }).min(1),
});

/** `milepael pack check <folder>`: the same parsing and cross-checks as the app, with every problem listed. */
export async function packCommand(args: readonly string[], io: PackCheckIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'check') throw new UsageError(`unknown pack command "${sub ?? ''}"; use "milepael pack check <folder>"`);
  const { positionals } = parseCommandArgs(rest, {}, 'pack');
  if (positionals.length > 1) throw new UsageError('pack check takes one folder at a time');
  const { folder } = checkArgs(checkArgsSchema, { folder: positionals[0] }, 'pack');

  const isFolder = await stat(folder).then((s) => s.isDirectory(), () => false);
  if (!isFolder) {
    io.err(`milepael: ${folder} is not a folder; name the folder that holds pack.yml`);
    return 1;
  }
  const result = await loadPackFolder(folder);
  if (!result.ok) {
    for (const problem of result.problems) io.err(formatProblem(problem));
    io.err(`milepael: ${folder} is not a valid pack: ${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}`);
    return 1;
  }
  const pack = result.value;
  const principles = pack.milestones.flatMap((m) => m.principles);
  const signs = principles.reduce((n, p) => n + p.signs.length, 0);
  const questions = pack.milestones.reduce((n, m) => n + m.questions.length, 0);
  io.out(`${folder}: valid pack "${pack.id}" ${pack.version} – ${pack.milestones.length} milestones, ${questions} questions, ${principles.length} principles, ${signs} observable signs`);
  // English is optional: what lacks it is told as a note, and the pack stays valid (exit code 0).
  const english = missingEnglish(pack);
  if (english.missing.length === english.total) io.out('note: the pack has no English titles; the English edition shows its Danish names (optional, see docs/packs.md)');
  else for (const where of english.missing) io.out(`note: no English: ${where}`);
  return 0;
}
