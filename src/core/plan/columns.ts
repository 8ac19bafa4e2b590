/**
 * Column widths from the content, in per cent, the way a browser sizes an automatic table but
 * with a ceiling: every column first gets its longest word (up to 16 characters, so "Kompetencer"
 * is never split), then the room left goes to the columns with longer lines. A 120-character
 * word or address counts as 16 and wraps inside its cell instead of widening the table.
 * `lineChars` is about how many characters fit across the page at body size. The first row is the
 * header, set in bold: its words count a tenth wider, or "Answers" breaks into "Answer / s".
 */
/** How much wider a bold header word runs than the same word at body weight. */
const BOLD_WIDTH = 1.1;

export function columnWidths(rows: ReadonlyArray<readonly string[]>, lineChars = 92): number[] {
  const columns = Math.max(0, ...rows.map((r) => r.length));
  const minimum: number[] = [];
  const desired: number[] = [];
  for (let c = 0; c < columns; c++) {
    let longest = 1;
    let word = 1;
    rows.forEach((row, r) => {
      const text = (row[c] ?? '').replace(/\*\*/g, '');
      const boldFactor = r === 0 ? BOLD_WIDTH : 1;
      longest = Math.max(longest, Math.ceil([...text].length * boldFactor));
      // Split on ordinary spaces only: "64 %" holds a no-break space and must stay together.
      for (const w of text.split(/[ \t\n]+/)) word = Math.max(word, Math.min(Math.ceil([...w].length * boldFactor), 16));
    });
    minimum.push(word + 3);
    desired.push(Math.max(word + 3, Math.min(longest + 2, 60)));
  }
  const minTotal = minimum.reduce((a, b) => a + b, 0);
  const extraWanted = desired.reduce((a, b) => a + b, 0) - minTotal;
  const room = Math.max(0, lineChars - minTotal);
  const widths = minimum.map((m, c) => m + (extraWanted > 0 ? (Math.min(room, extraWanted) * (desired[c]! - m)) / extraWanted : 0));
  const total = widths.reduce((a, b) => a + b, 0) || 1;
  return widths.map((w) => Math.round((w / total) * 1000) / 10);
}
