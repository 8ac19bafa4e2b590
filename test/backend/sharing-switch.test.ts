import { mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../src/api/dispatch';
import { createHandlers } from '../../src/backend/handlers';
import { engineOf } from '../../src/backend/engine/registry';
import { followingHandlers, ServiceHolder } from '../../src/backend/service-holder';
import { ConfSettings } from '../../src/backend/settings/conf-settings';
import { teamKeyPath } from '../../src/backend/settings/team-key';
import { SharingSwitcher, teamCacheDir } from '../../src/backend/sharing/switcher';
import { checkServerAddress } from '../../src/backend/sharing/validate';
import { startTeamServer, type RunningTeamServer } from '../../src/backend/team/server';
import { openWorkspace } from '../../src/backend/workspace';
import { member } from '../team/helpers';

const temp = (prefix: string) => mkdtemp(path.join(tmpdir(), `milepael-${prefix}-`));
const open = (options: Parameters<typeof openWorkspace>[0]) => openWorkspace({ ...options, warn: () => undefined });
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function app(settingsDir?: string, fixedFolder?: string) {
  const dir = settingsDir ?? (await temp('settings'));
  const settings = new ConfSettings({ cwd: dir });
  const switcher = await SharingSwitcher.start({ settings, open, connectWaitMs: 3000, retryMs: 200, warn: () => undefined, ...(fixedFolder === undefined ? {} : { fixedFolder }) });
  cleanups.push(() => switcher.close());
  const handlers = switcher.handlers((service) => createHandlers(service, { edition: 'browser', version: 'test' }));
  const call = async (method: string, input: unknown) => {
    const answer = await dispatch(handlers, method, input, () => undefined);
    return answer;
  };
  return { dir, settings, switcher, handlers, call };
}

/** A team server whose member was added before it started (a member added later takes up to 0.25 s to count). */
async function teamServer(): Promise<{ server: RunningTeamServer; workspace: string; key: string }> {
  const workspace = await temp('team');
  const key = await member(workspace, 'Projektleder Anne', 'editor');
  const server = await startTeamServer({ workspace, log: () => undefined });
  cleanups.push(() => server.close());
  return { server, workspace, key };
}

describe('the service holder', () => {
  it('sends every call to the service in place now and closes the one it replaced', async () => {
    const first = await open({ location: await temp('a'), engine: { watchFolder: false } });
    const second = await open({ location: await temp('b'), engine: { watchFolder: false } });
    cleanups.push(() => engineOf(second)!.close());
    await first.create('Aarhus Kommune', 'familieraadslagning');
    const holder = new ServiceHolder(first);
    const handlers = followingHandlers(holder, (service) => createHandlers(service, { edition: 'browser', version: 'test' }));
    expect((await handlers['municipality.list']({})).map((m) => m.name)).toEqual(['Aarhus Kommune']);
    const closed: string[] = [];
    await holder.replace(second, async (old) => {
      closed.push(old.location);
      await engineOf(old)!.close();
    });
    expect(closed).toEqual([first.location]);
    expect(await handlers['municipality.list']({})).toEqual([]);
    expect((await handlers['app.info']({})).workspace).toBe(second.location);
  });
});

describe('switching the way of working (issue 10, point 2)', { timeout: 30_000 }, () => {
  it('starts alone in the default workspace, switches to a shared folder without a restart and remembers it', async () => {
    const { dir, call } = await app();
    const start = await call('workspace.sharing', {});
    expect(start).toMatchObject({ ok: true, result: { mode: 'alone', switchable: true, readOnly: false } });
    const folder = await temp('shared');
    const other = await open({ location: folder, engine: { watchFolder: false, mode: 'folder' } });
    await other.create('Odense Kommune', 'familieraadslagning');
    await engineOf(other)!.close();

    const switched = await call('workspace.setSharing', { mode: 'folder', folder });
    expect(switched).toMatchObject({ ok: true, result: { mode: 'folder', location: folder } });
    expect(await call('municipality.list', {})).toMatchObject({ ok: true, result: [{ name: 'Odense Kommune' }] });

    const again = await app(dir);
    expect(await again.call('workspace.sharing', {})).toMatchObject({ ok: true, result: { mode: 'folder', location: folder } });
    expect(await again.call('workspace.setSharing', { mode: 'alone' })).toMatchObject({ ok: true, result: { mode: 'alone', folder } });
    expect(again.settings.getSharingMode()).toBe('alone');
  });

  it('says when the folder was named at start (--workspace), so the panel does not call a local folder shared', async () => {
    const folder = await temp('given');
    const { call } = await app(undefined, folder);
    expect(await call('workspace.sharing', {})).toMatchObject({ ok: true, result: { mode: 'folder', location: folder, fixed: true } });
    expect(await call('workspace.setSharing', { mode: 'folder', folder })).toMatchObject({ ok: true, result: { mode: 'folder', location: folder, fixed: false } });
    expect((await app()).switcher.state().fixed).toBe(false);
  });

  it('refuses a folder that is missing, relative, a file or not writable, saying what to do, and keeps working as before', async () => {
    const { call, settings } = await app();
    const file = path.join(await temp('file'), 'plan.txt');
    await writeFile(file, 'x');
    const cases: Array<[string, RegExp]> = [
      ['', /skriv stien til den delte mappe/],
      ['delt/milepael', /Skriv hele stien/],
      [path.join(tmpdir(), 'milepael-findes-ikke-123'), /findes ikke\. Opret den først/],
      [file, /er en fil, ikke en mappe/],
      // /proc takes no new files, even for root.
      ['/proc', /kan ikke skrive i mappen/],
    ];
    for (const [folder, message] of cases) {
      const answer = await call('workspace.setSharing', { mode: 'folder', folder });
      expect(answer.ok, folder).toBe(false);
      if (!answer.ok) {
        expect(answer.error.code).toBe('invalid_input');
        expect(answer.error.message).toMatch(message);
      }
    }
    expect(settings.getSharingMode()).toBeUndefined();
    expect(await call('workspace.sharing', {})).toMatchObject({ ok: true, result: { mode: 'alone' } });
  });

  it('checks the team server address like the server checks its binding: no key over an unencrypted network', () => {
    expect(checkServerAddress('https://team.kommune.dk:8740')).toBe('wss://team.kommune.dk:8740');
    expect(checkServerAddress('http://127.0.0.1:8740/')).toBe('ws://127.0.0.1:8740');
    expect(checkServerAddress('ws://localhost:1')).toBe('ws://localhost:1');
    expect(checkServerAddress('wss://10.0.0.5:8740')).toBe('wss://10.0.0.5:8740');
    expect(() => checkServerAddress('ws://10.0.0.5:8740')).toThrow(expect.objectContaining({ message: expect.stringMatching(/uden kryptering.*https:\/\/10\.0\.0\.5:8740.*--tls-cert/) }));
    expect(() => checkServerAddress('http://team.kommune.dk')).toThrow(expect.objectContaining({ code: 'invalid_input' }));
    expect(() => checkServerAddress('ftp://team.kommune.dk')).toThrow(expect.objectContaining({ message: expect.stringMatching(/skal begynde med https:\/\//) }));
    expect(() => checkServerAddress('team.kommune.dk')).toThrow(expect.objectContaining({ message: expect.stringMatching(/er ikke en adresse/) }));
    expect(() => checkServerAddress('https://anne:mpk_x@team.kommune.dk')).toThrow(expect.objectContaining({ message: expect.stringMatching(/nøglen har sit eget felt/) }));
  });

  it('connects to a team server with the key, keeps the key in a 0600 file and shows it only masked', async () => {
    const { server, key } = await teamServer();
    const { dir, call, settings } = await app();
    const answer = await call('workspace.setSharing', { mode: 'server', url: server.url, key });
    expect(answer).toMatchObject({ ok: true, result: { mode: 'server', server: { url: server.url.replace(/^http/, 'ws'), connection: 'connected' } } });
    expect(JSON.stringify(answer)).not.toContain(key);
    expect(JSON.stringify(await call('workspace.sharing', {}))).not.toContain(key);
    if (answer.ok) expect((answer.result as { server: { maskedKey: string } }).server.maskedKey).toBe(`mpk_••••••••${key.slice(-4)}`);
    // The key is in its own file, readable by this user only, and not in the settings file.
    expect((await stat(teamKeyPath(dir))).mode & 0o777).toBe(0o600);
    expect((await readFile(teamKeyPath(dir), 'utf8')).trim()).toBe(key);
    expect(await readFile(path.join(dir, 'settings.json'), 'utf8')).not.toContain(key);
    expect(settings.getSharingMode()).toBe('server');
    // The local copy lives beside the settings, one folder per server.
    expect((await call('workspace.sharing', {})) as unknown).toMatchObject({ result: { location: teamCacheDir(dir, server.url.replace(/^http/, 'ws')) } });

    // Another app start with the same settings is on the team server again, with the saved key.
    await (await app(dir)).switcher.close();
    // Switching back to the same server without typing the key again reuses the saved one.
    expect(await call('workspace.setSharing', { mode: 'alone' })).toMatchObject({ ok: true });
    expect(await call('workspace.setSharing', { mode: 'server', url: server.url })).toMatchObject({ ok: true, result: { mode: 'server' } });
  });

  it('refuses a missing or wrong key with a message that says what to do, and stays in the mode it was in', async () => {
    const { server } = await teamServer();
    const { call } = await app();
    const missing = await call('workspace.setSharing', { mode: 'server', url: server.url });
    expect(missing).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/Skriv din personlige nøgle/) } });
    const spaced = await call('workspace.setSharing', { mode: 'server', url: server.url, key: 'mpk_abc def' });
    expect(spaced).toMatchObject({ ok: false, error: { message: expect.stringMatching(/Kopiér den igen/) } });
    const wrong = await call('workspace.setSharing', { mode: 'server', url: server.url, key: `mpk_${'A'.repeat(43)}` });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/afviste nøglen/) } });
    expect(await call('workspace.sharing', {})).toMatchObject({ ok: true, result: { mode: 'alone' } });
  });

  it('is not offered where the workspace cannot be reopened (the team server\'s read-only page, plain handlers)', async () => {
    const service = await open({ location: await temp('plain') });
    const answer = await dispatch(createHandlers(service, { edition: 'browser', version: 'test' }), 'workspace.setSharing', { mode: 'alone' }, () => undefined);
    expect(answer).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });
});
