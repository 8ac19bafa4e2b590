import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scoreColour } from '../../src/core/plan/charts';
import { STATUSES } from '../../src/core/schema/common';
import { DRIVER_COLOURS, PHASE_COLOURS } from '../../src/ui/charts/palettes';

/** The design tokens as the browser gets them: `--name: value;` pairs from tokens.css, var() resolved. */
function tokens(): Map<string, string> {
  const css = readFileSync(new URL('../../src/ui/theme/tokens.css', import.meta.url), 'utf8');
  const root = css.slice(css.indexOf(':root {'), css.indexOf('}', css.indexOf(':root {')));
  const map = new Map<string, string>();
  for (const [, name, value] of root.matchAll(/(--[\w-]+):\s*([^;]+);/g)) map.set(name!, value!.trim());
  const resolve = (value: string, depth = 0): string => {
    const ref = /^var\((--[\w-]+)\)$/.exec(value);
    if (!ref || depth > 5) return value;
    return resolve(map.get(ref[1]!) ?? value, depth + 1);
  };
  for (const [name, value] of map) map.set(name, resolve(value));
  return map;
}

function channel(hex: string, offset: number): number {
  const c = parseInt(hex.slice(offset, offset + 2), 16) / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** WCAG 2.x relative luminance and contrast ratio of two #rrggbb colours. */
export function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    expect(hex, `${hex} is a #rrggbb colour`).toMatch(/^#[0-9a-f]{6}$/i);
    const h = hex.slice(1);
    return 0.2126 * channel(h, 0) + 0.7152 * channel(h, 2) + 0.0722 * channel(h, 4);
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

describe('colour contrast of the design tokens (WCAG AA, 4.5:1 for text)', () => {
  const t = tokens();
  const get = (name: string) => {
    const value = t.get(name);
    expect(value, `${name} is defined in tokens.css`).toBeDefined();
    return value!;
  };

  it('computes the known ratios (black on white 21:1, same colour 1:1)', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
    expect(contrast('#1d5c8c', '#1d5c8c')).toBe(1);
  });

  for (const status of STATUSES) {
    it(`status ${status}: text on its own chip, on a card and on the page background`, () => {
      const ink = get(`--status-${status}-ink`);
      for (const background of [get(`--status-${status}-bg`), get('--card'), get('--bg')]) {
        expect(contrast(ink, background), `${ink} on ${background}`).toBeGreaterThanOrEqual(4.5);
      }
    });
  }

  for (const state of ['done', 'progress', 'skip', 'ready', 'waiting', 'order']) {
    it(`year-1 flow state ${state}: text on its box`, () => {
      expect(contrast(get(`--flow-${state}-ink`), get(`--flow-${state}-bg`))).toBeGreaterThanOrEqual(4.5);
    });
  }

  it('body text, muted text, links and messages on their backgrounds', () => {
    const pairs: Array<[string, string]> = [
      ['--ink', '--bg'],
      ['--ink', '--card'],
      ['--muted', '--bg'],
      ['--muted', '--card'],
      ['--muted', '--surface-sunken'],
      ['--accent', '--card'],
      ['--accent', '--bg'],
      ['--accent', '--accent-soft'],
      ['--accent-ink', '--accent'],
      ['--accent-ink', '--accent-strong'],
      ['--danger', '--card'],
      ['--danger', '--danger-bg'],
      ['--warn-ink', '--warn-bg'],
      ['--success-ink', '--card'],
      ['--ink', '--warn-bg'],
      ['--ink', '--danger-bg'],
    ];
    for (const [fg, bg] of pairs) expect(contrast(get(fg), get(bg)), `${fg} on ${bg}`).toBeGreaterThanOrEqual(4.5);
  });

  it('the score colours are the ones the charts and the exported plan draw (scoreColour)', () => {
    expect([get('--score-low'), get('--score-mid'), get('--score-high'), get('--score-none')]).toEqual([scoreColour(10), scoreColour(50), scoreColour(90), scoreColour(null)]);
  });

  it('the status lines (bars, borders) stand out from a card at 3:1, as WCAG asks of graphics', () => {
    for (const status of ['not_started', 'in_progress', 'in_place'] as const) {
      expect(contrast(get(`--status-${status}-line`), get('--card')), status).toBeGreaterThanOrEqual(3);
    }
  });
});

describe('the trend charts\' line colours', () => {
  it('stand out against the white chart (≥ 3:1) and the phases share no colour with the drivers, so "Organisering" the phase never looks like the driver', () => {
    for (const colour of [...DRIVER_COLOURS, ...PHASE_COLOURS]) expect(contrast(colour, '#ffffff'), colour).toBeGreaterThanOrEqual(3);
    expect(PHASE_COLOURS.filter((c) => DRIVER_COLOURS.includes(c))).toEqual([]);
  });
});
