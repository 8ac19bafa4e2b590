/** Kept apart from the command so `milepael help` does not load the spreadsheet readers. */
export const EVALUATION_HELP = [
  'milepael evaluation <file> --import <register.csv|answers.csv|data.xlsx> [--out <file>]',
  '  Counts a conference register or questionnaire answers into the municipality file, per month,',
  '  and drops the rows. Writes <file> again, or --out. A file with a name column or a CPR-like value',
  '  is refused and nothing is written (exit 1). Columns: docs/evaluation-import.md.',
  'milepael evaluation <file> [--from YYYY-MM] [--to YYYY-MM] [--json]',
  '  Rates over the period (default: all months): plan rate, share within the week and hour norms,',
  '  follow-up rate, and per questionnaire item the positive (4–5), neutral (3) and negative (1–2)',
  '  shares, beside the benchmark (source named) and the municipality\'s targets; and the stage.',
].join('\n');
