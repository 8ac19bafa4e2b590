/** Where the trend chart's rounds, lines and labels go, for a given width (pure, so it is tested on its own). */
export interface TrendLayout {
  width: number;
  height: number;
  plot: { left: number; right: number; top: number; bottom: number };
  /** x of each round, in the order given. */
  xs: number[];
  /** y of a score 0–100. */
  y: (percent: number) => number;
  slanted: boolean;
  /** Labels longer than this many characters are shortened (see shortenLabel). */
  maxLabel: number;
}

export const TREND_TICKS = [0, 25, 50, 75, 100] as const;

/**
 * A little more than a 12 px Inter label takes per character (6.75 px for "Styregruppemøde november"),
 * to tell when labels would run into each other or past the ends; at 6.6 a last label was cut by 4 px.
 */
export const CHARACTER_WIDTH = 7.2;
/** How far a round's label sits below the plot (its baseline). */
export const LABEL_DROP = 18;
/** Leaning labels turn this far (degrees, counter-clockwise, anchored at their end). */
export const LABEL_ANGLE = 30;
/** A 12 px label's reach above and below its baseline. */
const ASCENT = 10;
const DESCENT = 4;
const COS = Math.cos((LABEL_ANGLE * Math.PI) / 180);
const SIN = Math.sin((LABEL_ANGLE * Math.PI) / 180);

/** The longest label (in characters) a chart this wide shows in full; longer ones are shortened with an ellipsis. */
export function maxLabelCharacters(width: number): number {
  return Math.max(6, Math.min(28, Math.floor((Math.max(width, 144) * 0.4) / (CHARACTER_WIDTH * COS))));
}

/** A label cut to at most `max` characters, ending in an ellipsis when it was cut. */
export function shortenLabel(text: string, max: number): string {
  const characters = Array.from(text);
  return characters.length <= max ? text : `${characters.slice(0, Math.max(1, max - 1)).join('').trimEnd()}\u2026`;
}

/**
 * With more than four rounds, or labels longer than the room between two rounds (or than the room
 * at the ends), the labels lean, so every round keeps its label without running into the next.
 * A leaning label reaches left of its round by its length × cos 30°, and down by length × sin 30°:
 * the first round moves right and the chart grows taller until every label is inside the picture.
 */
export function trendLayout(width: number, rounds: number, longestLabel = 0): TrendLayout {
  const full = Math.max(width, 144);
  const maxLabel = maxLabelCharacters(full);
  const labelWidth = Math.min(longestLabel, maxLabel) * CHARACTER_WIDTH;
  const right = full - 24;
  const left = 52;
  // Rounds sit inside the plot with room at both ends, so the first and last labels are not cut.
  const inset = Math.min(56, (right - left) / 4);
  let from = left + inset;
  const to = right - inset;
  const room = rounds > 1 ? (to - from) / (rounds - 1) : Infinity;
  const endsFit = rounds <= 1 || (from - labelWidth / 2 >= 0 && to + labelWidth / 2 <= full);
  const slanted = rounds > 4 || labelWidth + 8 > room || !endsFit;
  // The first leaning label's far end (top-left corner of its text) must stay right of 0.
  if (slanted) from = Math.max(from, Math.ceil(labelWidth * COS + ASCENT * SIN + 2));
  const below = slanted ? Math.max(86, Math.ceil(LABEL_DROP + labelWidth * SIN + DESCENT * COS + 6)) : 34;
  const plotBottom = slanted ? 214 : 216;
  const height = plotBottom + below;
  const plot = { left, right, top: 24, bottom: plotBottom };
  const xs = rounds <= 1 ? [(plot.left + plot.right) / 2] : Array.from({ length: rounds }, (_, n) => from + ((to - from) * n) / (rounds - 1));
  const y = (percent: number) => plot.bottom - ((plot.bottom - plot.top) * Math.min(100, Math.max(0, percent))) / 100;
  return { width: full, height, plot, xs: rounds === 0 ? [] : xs, y, slanted, maxLabel };
}

/** The SVG path through a series' points; a round without a score is stepped over (the line joins its neighbours). */
export function linePath(points: ReadonlyArray<{ x: number; y: number } | null>): string {
  return points
    .filter((p): p is { x: number; y: number } => p !== null)
    .map((p, n) => `${n === 0 ? 'M' : 'L'}${p.x.toFixed(1)} ${p.y.toFixed(1)}`)
    .join(' ');
}
