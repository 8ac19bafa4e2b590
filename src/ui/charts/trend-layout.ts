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
}

export const TREND_TICKS = [0, 25, 50, 75, 100] as const;

/** Roughly how wide a 12 px label is per character, to tell when labels would run into each other. */
const CHARACTER_WIDTH = 6.6;

/**
 * With more than four rounds, or labels longer than the room between two rounds, the labels lean,
 * so every round keeps its label without running into the next.
 */
export function trendLayout(width: number, rounds: number, longestLabel = 0): TrendLayout {
  const right = Math.max(width - 24, 120);
  const left = 52;
  // Rounds sit inside the plot with room at both ends, so the first and last labels are not cut.
  const inset = Math.min(56, (right - left) / 4);
  const from = left + inset;
  const to = right - inset;
  const room = rounds > 1 ? (to - from) / (rounds - 1) : Infinity;
  const slanted = rounds > 4 || longestLabel * CHARACTER_WIDTH + 8 > room;
  const height = slanted ? 300 : 250;
  const plot = { left, right, top: 24, bottom: height - (slanted ? 86 : 34) };
  const xs = rounds <= 1 ? [(plot.left + plot.right) / 2] : Array.from({ length: rounds }, (_, n) => from + ((to - from) * n) / (rounds - 1));
  const y = (percent: number) => plot.bottom - ((plot.bottom - plot.top) * Math.min(100, Math.max(0, percent))) / 100;
  return { width: Math.max(width, 144), height, plot, xs: rounds === 0 ? [] : xs, y, slanted };
}

/** The SVG path through a series' points; a round without a score is stepped over (the line joins its neighbours). */
export function linePath(points: ReadonlyArray<{ x: number; y: number } | null>): string {
  return points
    .filter((p): p is { x: number; y: number } => p !== null)
    .map((p, n) => `${n === 0 ? 'M' : 'L'}${p.x.toFixed(1)} ${p.y.toFixed(1)}`)
    .join(' ');
}
