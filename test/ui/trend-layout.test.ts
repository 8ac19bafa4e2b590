import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { linePath, trendLayout } from '../../src/ui/charts/trend-layout';

describe('the trend chart layout', () => {
  it('gives every round its own place inside the plot, left to right, at any width', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2400 }), fc.integer({ min: 1, max: 60 }), (width, rounds) => {
        const { xs, plot } = trendLayout(width, rounds);
        expect(xs).toHaveLength(rounds);
        for (const x of xs) expect(x >= plot.left && x <= plot.right).toBe(true);
        for (let n = 1; n < xs.length; n++) expect(xs[n]!).toBeGreaterThan(xs[n - 1]!);
      }),
    );
  });

  it('puts 0 % on the axis and 100 % at the top, and keeps scores inside', () => {
    const { y, plot } = trendLayout(800, 3);
    expect(y(0)).toBe(plot.bottom);
    expect(y(100)).toBe(plot.top);
    expect(y(140)).toBe(plot.top);
    expect(y(-5)).toBe(plot.bottom);
  });

  it('leans the labels from five rounds on and leaves room for them', () => {
    expect(trendLayout(800, 4).slanted).toBe(false);
    const slanted = trendLayout(800, 5);
    expect(slanted.slanted).toBe(true);
    expect(slanted.height - slanted.plot.bottom).toBeGreaterThan(trendLayout(800, 4).height - trendLayout(800, 4).plot.bottom);
  });

  it('joins the rounds that have a score and steps over those without', () => {
    expect(linePath([{ x: 10, y: 20 }, null, { x: 30, y: 40 }])).toBe('M10.0 20.0 L30.0 40.0');
    expect(linePath([null, null])).toBe('');
  });
});

describe('labels that need more room than the rounds have', () => {
  it('lean when they would run into each other, and stand when there is room', () => {
    expect(trendLayout(1200, 3, 20).slanted).toBe(false);
    expect(trendLayout(420, 3, 20).slanted).toBe(true);
    expect(trendLayout(420, 1, 60).slanted).toBe(false);
  });
});
