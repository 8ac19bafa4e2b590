import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { da } from '../../src/ui/i18n/da';
import { en } from '../../src/ui/i18n/en';
import { planLabels } from '../../src/core/plan/labels';

/**
 * One word for the NIRN implementation stage ("stadie" / "stage") and one name for the year-1
 * flow ("Forløbet i år 1" / "Year-1 flow") wherever a user reads them: the screens' dictionaries,
 * the plan's labels and the bundled pack's flow title. "Trin" stays for steps (tour, conference,
 * flow steps), so it must not name the stage.
 */
const dictionaries = {
  da: { ...da, ...prefixed('plan:', planLabels('da')) } as Record<string, string>,
  en: { ...en, ...prefixed('plan:', planLabels('en')) } as Record<string, string>,
};

function prefixed(prefix: string, labels: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(labels).map(([k, v]) => [prefix + k, v]));
}

/** Keys whose text names the implementation stage (the screen's stage panel, the plan's stage lines). */
const stageKey = /stage|msgOverall/i;

describe('the implementation stage has one name', () => {
  it('Danish stage texts say "stadie", never "trin"', () => {
    const offenders = Object.entries(dictionaries.da).filter(([key, text]) => stageKey.test(key) && /\btrin\b/i.test(text));
    expect(offenders).toEqual([]);
    expect(dictionaries.da['plan:stage']).toBe('Stadie');
  });

  it('English stage texts say "stage", never "step" or "level"', () => {
    const offenders = Object.entries(dictionaries.en).filter(([key, text]) => stageKey.test(key) && /\b(step|level)\b/i.test(text));
    expect(offenders).toEqual([]);
  });
});

describe('the year-1 flow has one name', () => {
  const retired = { da: /år 1-forløb/i, en: /first year|year one/i };

  it.each(['da', 'en'] as const)('no %s text uses a retired name for the flow', (language) => {
    const offenders = Object.entries(dictionaries[language]).filter(([, text]) => retired[language].test(text));
    expect(offenders).toEqual([]);
  });

  it('the evaluation section of the plan uses neither retired name', () => {
    const source = readFileSync(join(__dirname, '../../src/core/evaluation/plan-section.ts'), 'utf8');
    expect(source).not.toMatch(retired.da);
    expect(source).not.toMatch(retired.en);
  });

  it('the tab, the plan section, the Method heading and the pack title use the same name', () => {
    expect([da['muni.tab.flow'], da['plan.section.flow'], da['method.flow'], planLabels('da').flow]).toEqual(Array(4).fill('Forløbet i år 1'));
    expect([en['muni.tab.flow'], en['plan.section.flow'], en['method.flow'], planLabels('en').flow]).toEqual(Array(4).fill('Year-1 flow'));
    const pack = parse(readFileSync(join(__dirname, '../../content/familieraadslagning/pack.yml'), 'utf8')) as {
      flows: { title: string; en?: { title?: string } }[];
    };
    expect(pack.flows.map((f) => [f.title, f.en?.title])).toEqual([['Forløbet i år 1', 'Year-1 flow']]);
  });

  it('the list beside the flowchart is headed by what it lists, not "today"', () => {
    expect(da['design.flow.list']).not.toMatch(/^i dag$/i);
    expect(en['design.flow.list']).not.toMatch(/^today$/i);
    expect(da['design.flow.list']).toMatch(/trin/i);
    expect(en['design.flow.list']).toMatch(/step/i);
  });
});
