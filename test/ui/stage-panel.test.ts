// @vitest-environment happy-dom
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createMunicipality } from '../../src/core/checklist/create';
import type { MunicipalityFile } from '../../src/core/schema/municipality';
import { scoreMunicipality } from '../../src/core/scoring/score';
import { StagePanel } from '../../src/ui/components/StagePanel';
import { I18nProvider } from '../../src/ui/i18n';
import path from 'node:path';
import { loadPackFolder } from '../../src/backend/packs/fs-packs';
import { fixedEnv } from '../helpers/packs';

const TODAY = '2026-11-22';
let base: MunicipalityFile;
let root: Root | null = null;
beforeAll(async () => {
  // Read from the folder by path: under happy-dom import.meta.url is not a file address.
  const pack = await loadPackFolder(path.join(__dirname, '../../content/familieraadslagning'));
  if (!pack.ok) throw new Error('bundled pack is invalid');
  base = createMunicipality(pack.value, 'Test Kommune', fixedEnv());
});
afterEach(() => {
  act(() => root?.unmount());
  root = null;
  document.body.innerHTML = '';
});

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function render(file: MunicipalityFile): HTMLElement {
  const host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  act(() => root!.render(createElement(I18nProvider, null, createElement(StagePanel, { file, today: TODAY }))));
  return host;
}

/** What a reader sees without opening anything: the panel minus the folded list. */
function visibleText(host: HTMLElement): string {
  const copy = host.cloneNode(true) as HTMLElement;
  copy.querySelectorAll('details > :not(summary)').forEach((n) => n.remove());
  return (copy.textContent ?? '').replace(/\s+/g, ' ');
}

describe('the stage panel says why the stage and the percentage can disagree', () => {
  it('a municipality with a high score still in Udforskning is told what holds it back', () => {
    // Everything in place except the two milestones Installation needs: a high score, the first stage.
    const held = new Set(['formaal-og-maalgruppe', 'ledelsesansvar']);
    const file: MunicipalityFile = { ...base, items: base.items.map((i) => ({ ...i, status: held.has(i.id) ? 'not_started' : 'in_place' })) };
    expect(scoreMunicipality(file).overall.percent).toBeGreaterThan(70);
    const text = visibleText(render(file));
    expect(text).toContain('Udforskning');
    expect(text).toContain('(stadie 1 af 4) – følger metodens krav, ikke procenten');
    // What holds it back is one click away, named by the next stage.
    expect(text).toContain('Mangler for at nå Installation: 2 punkter mangler');
  });
});
