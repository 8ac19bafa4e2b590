import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../src/backend/handlers';
import { engineOf } from '../../src/backend/engine/registry';
import { followingEvents } from '../../src/backend/service-holder';
import { ConfSettings } from '../../src/backend/settings/conf-settings';
import { SharingSwitcher } from '../../src/backend/sharing/switcher';
import { addMember } from '../../src/backend/team/members';
import { readOnlyHandlers } from '../../src/backend/team/read-only-handlers';
import { startTeamServer, type RunningTeamServer } from '../../src/backend/team/server';
import { createViewer } from '../../src/backend/team/viewer';
import { openWorkspace } from '../../src/backend/workspace';
import { startWebServer, TOKEN_HEADER, type RunningServer } from '../../src/web/server';
import { launchChromium } from './harness';

const temp = (prefix: string) => mkdtemp(path.join(tmpdir(), `milepael-e2e-${prefix}-`));
const staticDir = fileURLToPath(new URL('../../out/renderer', import.meta.url));
const open = (options: Parameters<typeof openWorkspace>[0]) => openWorkspace({ ...options, warn: () => undefined });

let browser: Browser;
let team: RunningTeamServer;
let teamWorkspace: string;
let editorKey: string;
let viewerKey: string;
let viewer: ReturnType<typeof createViewer>;
const closers: Array<() => Promise<void>> = [];

beforeAll(async () => {
  browser = await launchChromium();
  // The team server holds one municipality; its members were added before it started.
  teamWorkspace = await temp('team');
  const seeded = await open({ location: teamWorkspace, engine: { watchFolder: false } });
  await seeded.create('Vejle Kommune', 'familieraadslagning');
  await engineOf(seeded)!.close();
  const now = new Date('2026-11-23T10:00:00Z');
  editorKey = (await addMember(teamWorkspace, { name: 'Projektleder Anne', role: 'editor', municipalities: [], now })).key;
  viewerKey = (await addMember(teamWorkspace, { name: 'Ledelsen', role: 'viewer', municipalities: [], now })).key;
  const web: { viewer?: ReturnType<typeof createViewer> } = {};
  team = await startTeamServer({ workspace: teamWorkspace, log: () => undefined, web: (req, res) => web.viewer?.handle(req, res) });
  // As `milepael serve` wires it: the read-only page reads through the server's own Repo.
  const service = await open({ location: teamWorkspace, engine: { repo: team.repo, mode: 'server' } });
  const handlers = createHandlers(service, { edition: 'browser', version: 'e2e' });
  viewer = createViewer({
    members: team.members,
    secure: false,
    tokenHeader: TOKEN_HEADER,
    startViewer: async (member) => {
      const running = await startWebServer({ handlers: readOnlyHandlers(handlers, member), staticDir, log: () => undefined });
      return { port: running.port, token: running.token, close: running.close };
    },
  });
  web.viewer = viewer;
});

afterAll(async () => {
  await browser?.close();
  for (const close of closers.reverse()) await close();
  await viewer?.close();
  await team?.close();
});

/** The browser edition as `npm run web` starts it, with its settings in a folder of its own. */
async function browserEdition(fixedFolder?: string): Promise<{ server: RunningServer; url: string; settings: ConfSettings }> {
  const settings = new ConfSettings({ cwd: await temp('settings') });
  const switcher = await SharingSwitcher.start({ settings, open, retryMs: 200, warn: () => undefined, ...(fixedFolder === undefined ? {} : { fixedFolder }) });
  const handlers = switcher.handlers((service) => createHandlers(service, { edition: 'browser', version: 'e2e' }));
  const server = await startWebServer({ handlers, staticDir, events: followingEvents(switcher.holder), log: () => undefined });
  closers.push(async () => {
    await server.close();
    await switcher.close();
  });
  return { server, settings, url: `${server.url}?token=${server.token}` };
}

describe('choosing how to work together in the app (issue 10, point 2)', () => {
  it('switches from alone to a shared folder and to the team server in the panel, without a restart', async () => {
    const folder = await temp('shared');
    const other = await open({ location: folder, engine: { watchFolder: false, mode: 'folder' } });
    await other.create('Odense Kommune', 'familieraadslagning');
    await engineOf(other)!.close();

    const { url, settings } = await browserEdition();
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(url);
    const panel = page.locator('details.sharing');
    await panel.getByText('Alene: kommunerne ligger kun på denne computer.').waitFor();
    await panel.locator('summary').click();

    // A plain address beyond this computer is refused, saying what to do.
    await panel.getByLabel('Teamserver').check();
    await panel.getByLabel('Teamserverens adresse').fill('ws://10.20.30.40:8740');
    await panel.getByLabel('Din personlige nøgle').fill(editorKey);
    await panel.getByRole('button', { name: 'Skift' }).click();
    await expect.poll(() => panel.getByRole('alert').textContent()).toMatch(/uden kryptering.*--tls-cert/);

    await panel.getByLabel('Delt mappe').check();
    await panel.getByLabel('Sti til den delte mappe').fill(folder);
    await panel.getByRole('button', { name: 'Skift' }).click();
    await page.getByRole('button', { name: 'Odense Kommune' }).first().waitFor();
    await panel.getByText(`Delt mappe: kommunerne ligger i ${folder}`).waitFor();
    expect(settings.getSharingMode()).toBe('folder');

    await panel.getByLabel('Teamserver').check();
    await panel.getByLabel('Teamserverens adresse').fill(team.url);
    await panel.getByLabel('Din personlige nøgle').fill(editorKey);
    await panel.getByRole('button', { name: 'Skift' }).click();
    await panel.locator('summary').getByText('forbundet').waitFor();
    await page.getByRole('button', { name: 'Vejle Kommune' }).first().waitFor({ timeout: 15_000 });
    expect(await page.getByRole('button', { name: 'Odense Kommune' }).count()).toBe(0);
    // The key field is emptied and the key is shown only masked.
    expect(await panel.getByLabel('Din personlige nøgle').inputValue()).toBe('');
    expect(await page.content()).not.toContain(editorKey);
    await page.close();
  });
});

describe('a folder named at start (--workspace)', () => {
  it('is called a local folder given at start, never "Delt mappe"', async () => {
    const folder = await temp('given');
    const { url } = await browserEdition(folder);
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(url);
    const summary = page.locator('details.sharing > summary');
    await summary.getByText(`Lokal mappe (angivet ved start): kommunerne ligger i ${folder}.`).waitFor();
    expect(await summary.textContent()).not.toContain('Delt mappe');
    await page.close();
  });
});

describe('the team server page for a viewer (issue 10, point 3)', () => {
  it('says "Kun læseadgang" and offers no editing controls', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    await page.goto(`${team.url}/?key=${encodeURIComponent(viewerKey)}`);
    await page.getByRole('status').filter({ hasText: 'Kun læseadgang' }).waitFor();
    await page.getByRole('button', { name: 'Vejle Kommune' }).first().waitFor();
    expect(await page.getByRole('form', { name: 'Ny kommune' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Slet' }).count()).toBe(0);
    expect(await page.locator('details.sharing').count()).toBe(0);

    await page.getByRole('button', { name: 'Vejle Kommune' }).first().click();
    const first = page.getByRole('article').first();
    await first.waitFor();
    const radio = first.getByRole('radio', { name: 'På plads' });
    expect(await radio.isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Fortryd' }).count()).toBe(0);
    expect(await page.getByLabel('Redigér tjeklisten').count()).toBe(0);
    await page.getByRole('link', { name: 'Udvikling' }).click();
    expect(await page.getByRole('button', { name: 'Registrér', exact: true }).count()).toBe(0);
    await context.close();
  });
});
