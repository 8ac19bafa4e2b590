import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { editionPageEachTest, type EditionPage } from './harness';

let page: Page;
let session: EditionPage;
editionPageEachTest((s) => {
  session = s;
  page = s.page;
});

const plain = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();

describe('the portfolio explains its status symbols', () => {
  it('shows the key to ○ ◐ ● – beside the table without opening anything', async () => {
    await session.edition.service.createSample();
    await page.goto(`${session.edition.url}#/portefoelje`);
    await page.getByRole('heading', { name: 'Portefølje' }).waitFor();
    const key = page.getByRole('list', { name: 'Symbolerne i tabellen' });
    await key.waitFor();
    expect(await key.isVisible()).toBe(true);
    // Not inside a closed disclosure: every entry is on screen.
    const entries = key.getByRole('listitem');
    expect(await entries.count()).toBe(4);
    for (const entry of await entries.all()) expect(await entry.isVisible()).toBe(true);
    expect((await entries.allTextContents()).map(plain)).toEqual(['○ Ikke startet', '◐ I gang', '● På plads', '– Ikke relevant']);
  });
});
