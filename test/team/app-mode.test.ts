import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Message } from '@automerge/automerge-repo';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../src/api/dispatch';
import { createHandlers } from '../../src/backend/handlers';
import { directoryDocumentId } from '../../src/backend/engine/ids';
import { engineOf } from '../../src/backend/engine/registry';
import { ConfSettings } from '../../src/backend/settings/conf-settings';
import { SharingSwitcher } from '../../src/backend/sharing/switcher';
import { openWorkspace } from '../../src/backend/workspace';
import { member, startClient, until } from './helpers';
import { freePort, killAll, startServeProcess, type Child } from './processes';

const temp = (prefix: string) => mkdtemp(path.join(tmpdir(), `milepael-${prefix}-`));
const open = (options: Parameters<typeof openWorkspace>[0]) => openWorkspace({ ...options, warn: () => undefined });

let serve: Child;
let url: string;
let aarhus: string;
let odense: string;
const keys: Record<string, string> = {};
const closers: Array<() => Promise<void>> = [];

beforeAll(async () => {
  const workspace = await temp('serve');
  const seeded = await open({ location: workspace, engine: { watchFolder: false } });
  aarhus = (await seeded.create('Aarhus Kommune', 'familieraadslagning')).id;
  odense = (await seeded.create('Odense Kommune', 'familieraadslagning')).id;
  await engineOf(seeded)!.close();
  keys.anne = await member(workspace, 'Projektleder Anne', 'editor');
  keys.bo = await member(workspace, 'Teammedlem Bo', 'editor');
  keys.aarhusTeam = await member(workspace, 'Aarhus-teamet', 'editor', [aarhus]);
  keys.ledelsen = await member(workspace, 'Ledelsen', 'viewer');
  const port = await freePort();
  serve = await startServeProcess(workspace, port);
  url = `http://127.0.0.1:${port}`;
}, 120_000);

afterAll(async () => {
  for (const close of closers.reverse()) await close().catch(() => undefined);
  serve?.process.kill('SIGTERM');
  await serve?.exited;
  killAll();
});

/** An app (desktop or browser edition) with its own settings, switched to the team server in its panel. */
async function appOn(key: string) {
  const settings = new ConfSettings({ cwd: await temp('app-settings') });
  const switcher = await SharingSwitcher.start({ settings, open, retryMs: 200, warn: () => undefined });
  closers.push(() => switcher.close());
  const handlers = switcher.handlers((service) => createHandlers(service, { edition: 'browser', version: 'test' }));
  const call = async <T>(method: string, input: unknown): Promise<T> => {
    const answer = await dispatch(handlers, method, input, () => undefined);
    if (!answer.ok) throw new Error(answer.error.message);
    return answer.result as T;
  };
  await call('workspace.setSharing', { mode: 'server', url, key });
  return { call, switcher, settings };
}

const names = async (app: Awaited<ReturnType<typeof appOn>>) => (await app.call<Array<{ name: string }>>('municipality.list', {})).map((m) => m.name).sort();

describe('an app in team server mode (issue 10, point 2)', { timeout: 60_000 }, () => {
  it('lists the server\'s municipalities and gets a colleague\'s change without a reload', async () => {
    const anne = await appOn(keys.anne!);
    const bo = await appOn(keys.bo!);
    await until(async () => (await names(anne)).length === 2 && (await names(bo)).length === 2);
    const before = await anne.call<{ file: { items: Array<{ id: string; status: string }> } }>('municipality.live', { id: aarhus });
    const item = before.file.items[0]!;
    expect(item.status).not.toBe('in_place');
    await bo.call('municipality.change', { id: aarhus, author: 'Teammedlem Bo', edits: [{ type: 'setStatus', itemId: item.id, status: 'in_place' }] });
    await until(async () => {
      const live = await anne.call<{ file: { items: Array<{ id: string; status: string }> } }>('municipality.live', { id: aarhus });
      return live.file.items.find((i) => i.id === item.id)?.status === 'in_place';
    }, 15_000);
    expect(await anne.call('workspace.sharing', {})).toMatchObject({ mode: 'server', readOnly: false, server: { connection: 'connected' } });
  });

  it('is read-only for a viewer, as the server would drop the changes anyway', async () => {
    const viewer = await appOn(keys.ledelsen!);
    await until(async () => ((await viewer.call<{ readOnly: boolean }>('workspace.sharing', {})).readOnly));
  });
});

describe('a member limited with --municipality (issue 10, point 3; security)', { timeout: 60_000 }, () => {
  it('never receives the directory, so the names of other municipalities never reach them', async () => {
    const client = await startClient(url.replace('http', 'ws'), keys.aarhusTeam!);
    closers.push(() => client.close());
    const incoming: Message[] = [];
    client.adapter.on('message', (m: Message) => incoming.push(m));
    // Like the app, the client has its own (empty) directory and offers it to the server.
    await until(() => client.adapter.connected);
    const directory = client.repo.find(directoryDocumentId(), { allowableStates: ['ready', 'unavailable'] });
    await directory.catch(() => undefined);
    await new Promise((r) => setTimeout(r, 1500));
    const aboutDirectory = incoming.filter((m) => m.documentId === directoryDocumentId());
    expect(aboutDirectory.every((m) => m.type === 'doc-unavailable')).toBe(true);
  });

  it('sees only their municipality in the app: start screen, portfolio and the local copy on disk', async () => {
    const limited = await appOn(keys.aarhusTeam!);
    await until(async () => (await names(limited)).length === 1, 15_000);
    await new Promise((r) => setTimeout(r, 1000));
    expect(await names(limited)).toEqual(['Aarhus Kommune']);
    const portfolio = await limited.call<{ rows: Array<{ name: string }> }>('portfolio.get', { packId: 'familieraadslagning' });
    expect(JSON.stringify(portfolio)).not.toContain('Odense');
    // Nothing in the app's local copy names the municipality they may not see.
    const location = limited.switcher.holder.current.location;
    const files: string[] = [];
    const walk = async (dir: string): Promise<void> => {
      for (const entry of await readdir(dir, { withFileTypes: true })) {
        if (entry.isDirectory()) await walk(path.join(dir, entry.name));
        else files.push(path.join(dir, entry.name));
      }
    };
    await walk(location);
    for (const file of files) expect((await readFile(file)).includes(Buffer.from('Odense')), file).toBe(false);
    void odense;
  });
});
