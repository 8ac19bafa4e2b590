import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { linePath, shortenLabel, trendLayout } from '../../src/ui/charts/trend-layout';

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

describe('every round label inside the picture (issue 13: "tyregruppemøde maj" ran off the left edge)', () => {
  // A 12 px label: about 6.6 px a character, 10 px above its baseline and 4 px below. A leaning label
  // turns 30° about its end, so it reaches left by its length × cos 30° (plus its height × sin 30°)
  // and down by its length × sin 30°.
  const CHARACTER = 6.6;
  const cos = Math.cos(Math.PI / 6);
  const sin = 0.5;
  const boxes = (width: number, rounds: number, longest: number) => {
    const layout = trendLayout(width, rounds, longest);
    const shown = Math.min(longest, layout.maxLabel ?? longest) * CHARACTER;
    const baseline = layout.plot.bottom + 18;
    return {
      layout,
      labels: layout.xs.map((x) =>
        layout.slanted
          ? { left: x - shown * cos - 10 * sin, right: x + 4 * sin, bottom: baseline + shown * sin + 4 * cos }
          : { left: x - shown / 2, right: x + shown / 2, bottom: baseline + 4 },
      ),
    };
  };

  it('keeps the leftmost point of every label ≥ 0, the last label\'s right end ≤ the width and every label above the bottom', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2400 }), fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 80 }), (width, rounds, longest) => {
        const { layout, labels } = boxes(width, rounds, longest);
        for (const label of labels) {
          expect(label.left).toBeGreaterThanOrEqual(0);
          expect(label.bottom).toBeLessThanOrEqual(layout.height);
        }
        expect(labels[labels.length - 1]!.right).toBeLessThanOrEqual(layout.width);
      }),
    );
  });

  it('the dashboard\'s narrow column at 1366 px: four steering-group rounds with 24-character names', () => {
    const { labels, layout } = boxes(520, 4, 'Styregruppemøde november'.length);
    expect(layout.slanted).toBe(true);
    expect(labels[0]!.left).toBeGreaterThanOrEqual(0);
    expect(labels[0]!.bottom).toBeLessThanOrEqual(layout.height);
  });

  it('shortens a very long label with an ellipsis and leaves a short one alone', () => {
    expect(shortenLabel('Styregruppemøde maj', 28)).toBe('Styregruppemøde maj');
    const short = shortenLabel('Styregruppemøde for familieafdelingen og skolerne i maj', 20);
    expect(Array.from(short)).toHaveLength(20);
    expect(short.endsWith('…')).toBe(true);
    expect(trendLayout(300, 6, 60).maxLabel).toBeLessThan(60);
  });
});
