import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../src/backend/handlers';
import { engineOf } from '../../src/backend/engine/registry';
import { openWorkspace } from '../../src/backend/workspace';
import { startWebServer, type RunningServer } from '../../src/web/server';
import { launchChromium } from './harness';

let browser: Browser;
let server: RunningServer;
let close: () => Promise<void>;
let address: string;
let municipalityId: string;

beforeAll(async () => {
  const location = await mkdtemp(path.join(tmpdir(), 'milepael-e2e-team-'));
  const service = await openWorkspace({ location, engine: { watchFolder: false }, warn: () => undefined });
  const engine = engineOf(service)!;
  municipalityId = (await service.create('Vejle Kommune', 'familieraadslagning')).id;
  const staticDir = fileURLToPath(new URL('../../out/renderer', import.meta.url));
  server = await startWebServer({ handlers: createHandlers(service, { edition: 'browser', version: 'e2e' }), staticDir, log: () => undefined, events: (push) => engine.subscribe(push) });
  close = () => engine.close();
  address = `${server.url}?token=${server.token}#/kommune/${municipalityId}/tjekliste`;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await close?.();
});

/** A person in their own browser profile, with their name entered once. */
async function person(name: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  await page.goto(address);
  await page.getByLabel('Dit navn').fill(name);
  await page.getByRole('button', { name: 'Gem navn' }).click();
  await expect.poll(() => page.getByText(`Du retter som ${name}`).isVisible()).toBe(true);
  return page;
}

const FIRST = 'Kommunens formål med og målgruppe for indsatsen er beskrevet';
const TOVHOLDER = 'En medarbejder er udvalgt til at være tovholder i organisationen';

describe('two people on one municipality', () => {
  it('each see the other change a different milestone at the same moment, without a reload', async () => {
    const [anne, bo] = await Promise.all([person('Projektleder Anne'), person('Teammedlem Bo')]);
    await Promise.all([
      anne.getByRole('article', { name: FIRST }).getByRole('radio', { name: 'I gang' }).click(),
      bo.getByRole('article', { name: TOVHOLDER }).getByRole('radio', { name: 'På plads' }).click(),
    ]);
    for (const page of [anne, bo]) {
      await expect.poll(() => page.getByRole('article', { name: FIRST }).getByRole('radio', { name: 'I gang' }).isChecked(), { timeout: 10_000 }).toBe(true);
      await expect.poll(() => page.getByRole('article', { name: TOVHOLDER }).getByRole('radio', { name: 'På plads' }).isChecked(), { timeout: 10_000 }).toBe(true);
    }
    await anne.screenshot({ path: path.join(tmpdir(), 'milepael-team-live.png') });
  });

  it('shows "også ændret af" when both change the same field at the same moment, with the other value one click away', async () => {
    const [anne, bo] = await Promise.all([person('Anne'), person('Bo')]);
    for (const page of [anne, bo]) await page.getByRole('article', { name: FIRST }).getByRole('button', { name: 'Vis detaljer' }).click();
    // A text field hands its value on when the person presses Enter or leaves it.
    const setOwner = async (page: Page, owner: string) => {
      const field = page.getByRole('article', { name: FIRST }).getByLabel('Ansvarlig');
      await field.fill(owner);
      await field.press('Enter');
    };
    await Promise.all([setOwner(anne, 'Anne selv'), setOwner(bo, 'Bo selv')]);
    const ownerConflict = anne.getByTestId('conflict').filter({ hasText: `Ansvarlig på "${FIRST}"` });
    await expect.poll(() => ownerConflict.getByText(/også ændret af (Anne|Bo)/).isVisible(), { timeout: 10_000 }).toBe(true);
    await anne.screenshot({ path: path.join(tmpdir(), 'milepael-also-changed.png') });
    const owner = await anne.getByRole('article', { name: FIRST }).getByLabel('Ansvarlig').inputValue();
    const other = owner === 'Anne selv' ? 'Bo selv' : 'Anne selv';
    await ownerConflict.getByRole('button', { name: `Brug "${other}"` }).click();
    await expect.poll(() => bo.getByRole('article', { name: FIRST }).getByLabel('Ansvarlig').inputValue(), { timeout: 10_000 }).toBe(other);
    await expect.poll(() => anne.getByText(/også ændret af/).count(), { timeout: 10_000 }).toBe(0);
  });
});
