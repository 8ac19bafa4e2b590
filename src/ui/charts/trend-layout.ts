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

/** With more than four rounds the labels lean, so every round keeps its label without running into the next. */
export function trendLayout(width: number, rounds: number): TrendLayout {
  const slanted = rounds > 4;
  const height = slanted ? 300 : 250;
  const plot = { left: 52, right: Math.max(width - 24, 120), top: 24, bottom: height - (slanted ? 86 : 34) };
  // Rounds sit inside the plot with room at both ends, so the first and last labels are not cut.
  const inset = Math.min(56, (plot.right - plot.left) / 4);
  const from = plot.left + inset;
  const to = plot.right - inset;
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
