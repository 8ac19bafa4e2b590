/** Order statistics for the benchmarks' samples. */
export const percentile = (xs: readonly number[], p: number): number => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.max(0, Math.ceil((p / 100) * xs.length) - 1))]!;
export function median(xs: readonly number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** "median 12.3 ms (range 11.0–15.2, n=5)": the figure with its spread, as every bench reports it. */
export function spread(xs: readonly number[], unit = 'ms', digits = 1): string {
  const sorted = [...xs].sort((a, b) => a - b);
  return `median ${median(xs).toFixed(digits)} ${unit} (range ${sorted[0]!.toFixed(digits)}–${sorted.at(-1)!.toFixed(digits)}, n=${xs.length})`;
}

/** One figure against its goal: "… – met" or "… – NOT met", so a reader scans for NOT. */
export const verdict = (ok: boolean): string => (ok ? 'met' : 'NOT met');

/** Runs `f` `runs` times and returns the durations in milliseconds. */
export async function timeRuns(runs: number, f: (run: number) => Promise<unknown> | unknown): Promise<number[]> {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    await f(run);
    times.push(performance.now() - start);
  }
  return times;
}
