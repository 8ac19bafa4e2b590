import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as Electron from 'electron';
import { createHandlers } from '../src/backend/handlers';
import { openWorkspace } from '../src/backend/workspace';
import { followingEvents } from '../src/backend/service-holder';
import { SharingSwitcher } from '../src/backend/sharing/switcher';
import { appUrlMatcher } from './app-url';
import { dataFolderProblem } from './data-folder';
import { readImportFile } from './import-file';
import { registerApi, EVENT_CHANNEL } from './ipc';
import { menuTemplate } from './menu';
import { electronPdfRenderer } from './pdf';
import { CONTENT_SECURITY_POLICY, createSecureWindow, hardenWebContents } from './security';
import { ElectronStoreSettings } from './settings';
import { restoreBounds } from './window-state';

type ElectronModule = typeof Electron;

const here = path.dirname(fileURLToPath(import.meta.url));

/** Wires the backend to Electron. Everything of Electron comes in as `electron`, so tests can replace it. */
export async function startDesktopApp(electron: ElectronModule): Promise<void> {
  const { app, BrowserWindow, Menu, dialog, ipcMain, screen, session, shell } = electron;
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  let window: Electron.BrowserWindow | null = null;
  app.on('second-instance', () => {
    if (window?.isMinimized()) window.restore();
    window?.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('web-contents-created', (_event, contents) =>
    hardenWebContents(contents, isAppUrl, {
      openExternal: (url) => shell.openExternal(url),
      confirmOpen: async (url) =>
        (await dialog.showMessageBox({ type: 'question', buttons: ['Åbn', 'Annullér'], defaultId: 1, cancelId: 1, message: 'Åbn linket i din browser?', detail: url })).response === 0,
    }),
  );

  await app.whenReady();
  const settings = new ElectronStoreSettings(app.getPath('userData'));
  const rendererIndex = path.join(here, '../renderer/index.html');
  // An installed app never loads a page named by an environment variable.
  const rendererUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
  const isAppPage = appUrlMatcher({ rendererIndex, devServerUrl: rendererUrl ?? null });
  function isAppUrl(url: string): boolean {
    return isAppPage(url);
  }

  session.defaultSession.webRequest.onHeadersReceived((details, callback) =>
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } }),
  );
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);

  const renderPdf = electronPdfRenderer(BrowserWindow);
  // Alone, shared folder or team server as saved; the panel on the start screen switches without a restart.
  const switcher = await SharingSwitcher.start({
    settings,
    open: (options) => openWorkspace({ ...options, contentDir: path.join(app.getAppPath(), 'content'), renderPdf }),
    warn: (line) => console.warn(line),
  });
  const current = () => switcher.holder.current;
  const handlers = switcher.handlers((service) => createHandlers(service, { edition: 'desktop', version: app.getVersion() }));
  registerApi(ipcMain, handlers, (event) => event.senderFrame !== null && event.senderFrame.parent === null && isAppUrl(event.senderFrame.url));

  const bounds = restoreBounds(settings.getWindowBounds(), screen.getAllDisplays());
  window = createSecureWindow(
    BrowserWindow,
    {
      ...(bounds.x === undefined ? {} : { x: bounds.x, y: bounds.y }),
      width: bounds.width,
      height: bounds.height,
      minWidth: 960,
      minHeight: 600,
      title: 'Milepæl',
      show: false,
    },
    { preload: path.join(here, '../preload/index.cjs') },
  );
  if (bounds.maximized) window.maximize();
  window.once('ready-to-show', () => window?.show());
  window.on('close', () => {
    if (!window) return;
    const { x, y, width, height } = window.getNormalBounds();
    settings.setWindowBounds({ x, y, width, height, maximized: window.isMaximized() });
  });

  const send = (event: { action: string; id?: string }) => window?.webContents.send(EVENT_CHANNEL, event);
  // Another window's or app's change reaches the page without a reload.
  followingEvents(switcher.holder)((event) => send(event.type === 'municipality' ? { action: 'changed', id: event.id } : { action: 'changed' }));
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      menuTemplate(
        {
          importFile: async () => {
            const chosen = await dialog.showOpenDialog({ title: 'Importér kommunefil', properties: ['openFile'], filters: [{ name: 'Milepæl-kommunefil', extensions: ['json'] }] });
            const file = chosen.filePaths[0];
            if (chosen.canceled || !file) return;
            try {
              const read = await readImportFile(file);
              if (!read.ok) return dialog.showErrorBox('Filen kunne ikke importeres', read.message);
              const imported = await current().importFile(read.text, path.basename(file));
              send({ action: 'imported', id: imported.id });
            } catch (error) {
              dialog.showErrorBox('Filen kunne ikke importeres', error instanceof Error ? error.message : String(error));
            }
          },
          exportCurrent: () => send({ action: 'export' }),
          showPlan: () => send({ action: 'plan' }),
          printToPdf: async () => {
            if (!window) return;
            const target = await dialog.showSaveDialog(window, { title: 'Gem som PDF', defaultPath: 'milepael.pdf', filters: [{ name: 'PDF', extensions: ['pdf'] }] });
            if (target.canceled || !target.filePath) return;
            await writeFile(target.filePath, await window.webContents.printToPDF({ printBackground: true, pageSize: 'A4' }));
          },
          openDataFolder: () => void shell.openPath(current().location),
          shareWithTeam: () => send({ action: 'share' }),
          chooseDataFolder: async () => {
            const chosen = await dialog.showOpenDialog({ title: 'Vælg datamappe', properties: ['openDirectory', 'createDirectory'] });
            if (chosen.canceled || !chosen.filePaths[0]) return;
            const problem = await dataFolderProblem(chosen.filePaths[0], [app.getAppPath(), path.dirname(app.getPath('exe'))]);
            if (problem !== null) return dialog.showErrorBox('Mappen kan ikke bruges', problem);
            try {
              await switcher.apply({ mode: 'folder', folder: chosen.filePaths[0] });
              send({ action: 'changed' });
            } catch (error) {
              dialog.showErrorBox('Mappen kan ikke bruges', (error as { message?: unknown }).message === undefined ? String(error) : String((error as { message: unknown }).message));
            }
          },
          about: () =>
            void dialog.showMessageBox({ type: 'info', title: 'Om Milepæl', message: `Milepæl ${app.getVersion()}`, detail: `Plan og fremdrift i implementeringen af en socialfaglig metode.\nDatamappe: ${current().location}` }),
        },
        process.platform === 'darwin',
      ),
    ),
  );

  if (rendererUrl) await window.loadURL(rendererUrl);
  else await window.loadFile(rendererIndex);
}
