import { PLAN_SECTIONS } from '../core/plan/options';

export const PLAN_HELP = [
  'milepael plan <file|folder> --format md|html|docx|pdf|xlsx --out <path> [--lang da|en] [--force]',
  '               [--author NAME] [--plan-version V] [--sections a,b,…] [--no-notes] [--no-answers] [--not-relevant]',
  '  Writes the implementation plan of one municipality file, or of every .json file in a folder',
  '  (then --out is a folder). A bad file in a folder is reported at the end; the others are exported.',
  '  Existing files are kept unless --force; an input file is never overwritten.',
  `  Sections: ${PLAN_SECTIONS.join(', ')}.`,
].join('\n');
