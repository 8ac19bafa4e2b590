// @vitest-environment happy-dom
import path from 'node:path';
import { act, createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../src/api/client';
import type { LogEntryView } from '../../src/api/live-contract';
import { createMunicipality } from '../../src/core/checklist/create';
import type { MunicipalityFile } from '../../src/core/schema/municipality';
import { I18nProvider } from '../../src/ui/i18n';
import { ChangeLogView } from '../../src/ui/screens/ChangeLogView';
import { loadPackFolder } from '../../src/backend/packs/fs-packs';
import { fixedEnv } from '../helpers/packs';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let file: MunicipalityFile;
beforeAll(async () => {
  // Read by path: happy-dom's URL does not know file: addresses.
  const pack = await loadPackFolder(path.resolve('content/familieraadslagning'));
  if (!pack.ok) throw new Error('bundled pack invalid');
  file = createMunicipality(pack.value, 'Aabenraa Kommune', fixedEnv());
});

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
  localStorage.clear();
});

/** The change log as a person sees it, with the backend answering `log`. */
async function shown(log: LogEntryView[], language: 'da' | 'en'): Promise<string[]> {
  localStorage.setItem('milepael.language', language);
  const client = {
    call: (method: string) => Promise.resolve(method === 'municipality.log' ? log : { engine: true, mode: 'alone', readOnly: false }),
  } as unknown as ApiClient;
  const host = document.createElement('div');
  document.body.append(host);
  const root = createRoot(host);
  cleanups.push(() => {
    act(() => root.unmount());
    host.remove();
  });
  await act(async () => {
    root.render(createElement(I18nProvider, null, createElement(ChangeLogView, { client, file })));
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
  return [...host.querySelectorAll('.log-entries > li')].map((li) => (li.textContent ?? '').replace(/\s+/g, ' ').trim());
}

describe('the change log', () => {
  it('words every change for the reader, with no internal keys, in Danish and in English', async () => {
    const item = file.items[0]!;
    const log: LogEntryView[] = [
      { at: '2026-11-20T09:00:00.000Z', by: '', what: [{ field: 'created', value: file.createdAt }] },
      { at: '2026-11-21T09:00:00.000Z', by: 'Anna', what: [{ field: 'evidence.added', item: item.id, evidence: 'e1' }] },
      { at: '2026-11-22T09:00:00.000Z', by: 'Anna', what: [{ field: 'status', item: item.id, value: 'in_progress' }] },
    ];
    const da = await shown(log, 'da');
    expect(da.join('\n')).not.toMatch(/evidence|created|Omdannet fra fil oprettede/);
    expect(da[0]).toContain('Anna');
    expect(da[0]).toContain('Status sat til "I gang"');
    expect(da[1]).toContain(`Dokumentation tilføjet på "${item.title}"`);
    expect(da[2]).toContain('Oprettet ud fra en kommunefil');

    const en = await shown(log, 'en');
    expect(en.join('\n')).not.toMatch(/evidence\.added|Converted from a file created/);
    expect(en[1]).toContain('Documentation added');
    expect(en[2]).toContain('Created from a municipality file');
  });

  it('shows no "Unknown" actor for changes made before a name was entered', async () => {
    const item = file.items[0]!;
    const log: LogEntryView[] = [{ at: '2026-11-21T09:00:00.000Z', by: 'Ukendt', what: [{ field: 'owner', item: item.id, value: 'Bo' }] }];
    const da = await shown(log, 'da');
    expect(da[0]).not.toContain('Ukendt');
    expect(da[0]).toContain(`Ansvarlig sat til "Bo" på "${item.title}"`);
    const en = await shown(log, 'en');
    expect(en[0]).not.toContain('Unknown');
    expect(en[0]).toContain(`Owner set to "Bo" on "${item.title}"`);
  });

  it('dates an entry by the local day, like its time: 23:30 UTC is 00:30 on the next day in Copenhagen', async () => {
    const before = process.env.TZ;
    process.env.TZ = 'Europe/Copenhagen';
    try {
      const item = file.items[0]!;
      const da = await shown([{ at: '2026-11-23T23:30:00.000Z', by: 'Anna', what: [{ field: 'owner', item: item.id, value: 'Bo' }] }], 'da');
      expect(da[0]).toContain('24.11.2026');
      expect(da[0]).not.toContain('23.11.2026');
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  });
});
