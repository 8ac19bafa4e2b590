import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledContentDir } from '../../src/backend/packs/fs-packs';
import { launchChromium, startEdition } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(() => browser.close());

/** The bundled pack as a revised guide would change it: new version, one milestone reworded. */
async function revisedContent(): Promise<string> {
  const content = await mkdtemp(path.join(tmpdir(), 'milepael-content-'));
  await cp(path.join(bundledContentDir(), 'familieraadslagning'), path.join(content, 'familieraadslagning'), { recursive: true });
  const edit = async (file: string, from: string, to: string) => {
    const target = path.join(content, 'familieraadslagning', file);
    await writeFile(target, (await readFile(target, 'utf8')).replace(from, to));
  };
  await edit('pack.yml', 'version: 1.2.0', 'version: 1.3.0');
  await edit('milestones/11-lokaler.md', 'title: Lokaler er klar', 'title: Neutrale lokaler er klar');
  await edit('milestones/07-tovholder.md', 'title: En medarbejder er udvalgt til at være tovholder i organisationen', 'title: En eller flere tovholdere er udvalgt');
  return content;
}

describe('a newer version of the method pack', () => {
  it('is offered, shows its changes, asks about the conflict and keeps the municipality\'s work', async () => {
    const first = await startEdition();
    const file = await first.service.create('Rebild Kommune', 'familieraadslagning');
    await first.service.applyEdits(file.id, 0, [
      { type: 'setTitle', itemId: 'tovholder', title: 'Vores tovholder' },
      { type: 'setStatus', itemId: 'lokaler', status: 'in_place' },
    ]);
    await first.server.close();
    const edition = await startEdition({ location: first.location, contentDir: await revisedContent() });
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    try {
      await page.goto(`${edition.url}#/kommune/${file.id}/tjekliste`);
      await page.getByText('Der er en ny version af metodepakken Familierådslagning: 1.2.0 → 1.3.0.').waitFor();
      await page.getByRole('button', { name: 'Se ændringerne' }).click();
      await page.getByText('Ny ordlyd: "Lokaler er klar til brug og har de nødvendige faciliteter" → "Neutrale lokaler er klar til brug og har de nødvendige faciliteter"').waitFor();
      const apply = page.getByRole('button', { name: 'Opdatér' });
      expect(await apply.isDisabled()).toBe(true);
      await page.getByRole('group', { name: 'I har selv skrevet: "Vores tovholder". Hvilken ordlyd skal gælde?' }).getByLabel('Behold vores').check();
      await apply.click();
      await page.getByRole('article', { name: 'Neutrale lokaler er klar til brug og har de nødvendige faciliteter' }).waitFor();
      expect(await page.getByRole('article', { name: 'Vores tovholder' }).count()).toBe(1);
      expect(await page.getByRole('article', { name: 'Neutrale lokaler er klar til brug og har de nødvendige faciliteter' }).getByRole('radio', { name: 'På plads' }).isChecked()).toBe(true);
      expect(await page.getByText('Der er en ny version af metodepakken').count()).toBe(0);
      expect((await edition.service.open(file.id)).file.pack.version).toBe('1.3.0');
    } finally {
      await page.close();
      await edition.server.close();
    }
  });
});
