import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { createFakeElectron } from './fake-electron';

const userData = await mkdtemp(path.join(tmpdir(), 'milepael-electron-'));
const fake = createFakeElectron({ userData });

// electron-store and the shell import 'electron'; the real package would try to download Electron.
vi.mock('electron', () => ({ ...fake.electron, default: fake.electron }));

const { startDesktopApp } = await import('../../electron/app');
const { INVOKE_CHANNEL } = await import('../../electron/ipc');
const { isAllowedExternalUrl, CONTENT_SECURITY_POLICY } = await import('../../electron/security');
const { menuTemplate } = await import('../../electron/menu');
const { restoreBounds, DEFAULT_BOUNDS } = await import('../../electron/window-state');

type Electron = Parameters<typeof startDesktopApp>[0];

beforeAll(async () => {
  await startDesktopApp(fake.electron as unknown as Electron);
});

/** The page the shell itself loaded; only it may call the api. */
const appPage = () => `file://${fake.windows[0]!.loaded!.split(path.sep).join('/')}`;
const invoke = (method: unknown, payload: unknown, url = appPage(), parent: object | null = null) =>
  fake.ipcHandlers.get(INVOKE_CHANNEL)!({ senderFrame: { url, parent } }, method, payload) as Promise<{ ok: boolean; error?: { code: string; message: string }; result?: unknown }>;

describe('the main window', () => {
  it('is created with the security settings: isolation, sandbox, no Node', () => {
    const prefs = fake.windows[0]!.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, nodeIntegrationInWorker: false, webSecurity: true, webviewTag: false, allowRunningInsecureContent: false });
    expect(String(prefs.preload)).toMatch(/preload[/\\]index\.cjs$/);
  });

  it('loads the built UI and sends a strict Content-Security-Policy with every response', () => {
    expect(fake.windows[0]!.loaded).toMatch(/renderer[/\\]index\.html$/);
    let headers: Record<string, string[]> = {};
    fake.headerHooks[0]!({ responseHeaders: {} }, (r) => (headers = r.responseHeaders));
    expect(headers['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|\*/);
  });

  it('blocks navigation away from the app and every new window', () => {
    const contents = fake.windows[0]!.webContents;
    const away = { preventDefault: vi.fn() };
    contents.emit('will-navigate', away, 'https://evil.example/');
    expect(away.preventDefault).toHaveBeenCalled();
    const inside = { preventDefault: vi.fn() };
    contents.emit('will-navigate', inside, appPage());
    expect(inside.preventDefault).not.toHaveBeenCalled();
    expect(contents.windowOpenHandler!({ url: 'https://socialstyrelsen.dk/x' })).toEqual({ action: 'deny' });
    expect(fake.electron.shell.openExternal).toHaveBeenCalledWith('https://socialstyrelsen.dk/x');
    expect(contents.windowOpenHandler!({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(fake.electron.shell.openExternal).toHaveBeenCalledTimes(1);
  });

  it('asks before opening a web link that is not on the allow-list', async () => {
    fake.windows[0]!.webContents.windowOpenHandler!({ url: 'https://intra.kommune.dk/referat' });
    await vi.waitFor(() => expect(fake.electron.dialog.showMessageBox).toHaveBeenCalled());
    expect(fake.electron.shell.openExternal).not.toHaveBeenCalledWith('https://intra.kommune.dk/referat');
  });

  it('has a Danish menu with import, export, print to PDF and the data folder', () => {
    const labels = menuTemplate({ importFile() {}, exportCurrent() {}, showPlan() {}, printToPdf() {}, openDataFolder() {}, chooseDataFolder() {}, shareWithTeam() {}, about() {} }, false).map((m) => m.label);
    expect(labels).toEqual(['Filer', 'Rediger', 'Vis', 'Hjælp']);
    const filer = fake.electron.Menu.buildFromTemplate.mock.calls[0]![0] as Array<{ label: string; submenu: Array<{ label?: string }> }>;
    expect(filer[0]!.submenu.map((i) => i.label)).toEqual(expect.arrayContaining(['Importér kommunefil …', 'Eksportér kommunefil …', 'Implementeringsplan …', 'Udskriv til PDF …', 'Åbn datamappe']));
  });
});

describe('the IPC entry point', () => {
  it('refuses invalid payloads with the validation message, before the backend sees them', async () => {
    const reply = await invoke('municipality.create', { name: 42, packId: 'familieraadslagning' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/^invalid input for municipality.create: name/) } });
    expect((await invoke('municipality.open', { id: '../../etc/passwd' })).error?.code).toBe('invalid_input');
    expect((await invoke('municipality.list', { extra: true })).error?.code).toBe('invalid_input');
  });

  it('refuses unknown methods and requests from a page that is not the app', async () => {
    expect((await invoke('fs.readFile', {})).error?.code).toBe('unknown_method');
    expect((await invoke('municipality.list', {}, 'https://evil.example/')).error?.message).toMatch(/did not come from Milepæl/);
  });

  it('refuses a look-alike file name and a frame inside the page (issue 15, point 7)', async () => {
    expect((await invoke('municipality.list', {}, `${appPage()}.evil`)).error?.message).toMatch(/did not come from Milepæl/);
    expect((await invoke('municipality.list', {}, appPage().replace('index.html', 'index.html.evil'))).error?.message).toMatch(/did not come from Milepæl/);
    expect((await invoke('municipality.list', {}, appPage(), {})).error?.message).toMatch(/did not come from Milepæl/);
    expect((await invoke('municipality.list', {}, `${appPage()}#/kommune/x`)).ok).toBe(true);
  });

  it('answers valid calls from the app through the backend', async () => {
    const created = await invoke('municipality.create', { name: 'Sønderborg Kommune', packId: 'familieraadslagning' });
    expect(created.ok).toBe(true);
    const list = await invoke('municipality.list', {});
    expect(list.result).toEqual([expect.objectContaining({ name: 'Sønderborg Kommune' })]);
  });
});

describe('permissions and the dev server (issue 15, point 8)', () => {
  it('refuses every permission check, not only permission requests', () => {
    const check = fake.electron.session.defaultSession.setPermissionCheckHandler.mock.calls[0]![0] as () => boolean;
    expect(check()).toBe(false);
  });

  it('an installed app ignores ELECTRON_RENDERER_URL and loads its own files', async () => {
    const packaged = createFakeElectron({ userData, isPackaged: true });
    process.env.ELECTRON_RENDERER_URL = 'http://localhost:5173.evil/';
    try {
      await startDesktopApp(packaged.electron as unknown as Electron);
    } finally {
      delete process.env.ELECTRON_RENDERER_URL;
    }
    expect(packaged.windows[0]!.loaded).toMatch(/renderer[/\\]index\.html$/);
    const reply = (await packaged.ipcHandlers.get(INVOKE_CHANNEL)!({ senderFrame: { url: 'http://localhost:5173.evil/', parent: null } }, 'municipality.list', {})) as { ok: boolean };
    expect(reply.ok).toBe(false);
  });
});

describe('a second start', () => {
  it('quits when another instance already runs', async () => {
    const second = createFakeElectron({ userData, singleInstance: false });
    await startDesktopApp(second.electron as unknown as Electron);
    expect(second.electron.app.quit).toHaveBeenCalled();
    expect(second.windows).toHaveLength(0);
  });
});

describe('helpers', () => {
  it('opens external links only for https hosts on the allow-list', () => {
    expect(isAllowedExternalUrl('https://socialstyrelsen.dk/metoder')).toBe(true);
    expect(isAllowedExternalUrl('http://socialstyrelsen.dk/')).toBe(false);
    expect(isAllowedExternalUrl('https://socialstyrelsen.dk.evil.example/')).toBe(false);
    expect(isAllowedExternalUrl('https://user:pw@socialstyrelsen.dk/')).toBe(false);
    expect(isAllowedExternalUrl('not a url')).toBe(false);
  });

  it('restores window bounds, but never off every screen', () => {
    const screens = [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }];
    expect(restoreBounds({ x: 100, y: 100, width: 1300, height: 900, maximized: false }, screens)).toMatchObject({ x: 100, y: 100, width: 1300 });
    const offScreen = restoreBounds({ x: 5000, y: 100, width: 1300, height: 900 }, screens);
    expect(offScreen.x).toBeUndefined();
    expect(offScreen.width).toBe(1300);
    expect(restoreBounds({ width: 'wide' }, screens)).toEqual(DEFAULT_BOUNDS);
  });
});
