import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

/** A stand-in for the parts of Electron the shell uses; records what the shell did with them. */
export function createFakeElectron(options: { singleInstance?: boolean; userData: string; isPackaged?: boolean }) {
  const ipcHandlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
  const windows: FakeWindow[] = [];
  const headerHooks: Array<(details: { responseHeaders: Record<string, string[]> }, cb: (r: { responseHeaders: Record<string, string[]> }) => void) => void> = [];

  class FakeWebContents extends EventEmitter {
    windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
    send = vi.fn();
    setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
      this.windowOpenHandler = handler;
    }
    printToPDF = vi.fn(async () => Buffer.from('%PDF'));
  }

  class FakeWindow extends EventEmitter {
    webContents = new FakeWebContents();
    loaded: string | null = null;
    constructor(readonly options: Record<string, unknown>) {
      super();
      windows.push(this);
      app.emit('web-contents-created', {}, this.webContents);
    }
    loadFile = vi.fn(async (file: string) => void (this.loaded = file));
    loadURL = vi.fn(async (url: string) => void (this.loaded = url));
    maximize = vi.fn();
    show = vi.fn();
    focus = vi.fn();
    restore = vi.fn();
    isMinimized = () => false;
    isMaximized = () => false;
    getNormalBounds = () => ({ x: 10, y: 10, width: 1200, height: 800 });
  }

  const app = Object.assign(new EventEmitter(), {
    requestSingleInstanceLock: vi.fn(() => options.singleInstance ?? true),
    quit: vi.fn(),
    exit: vi.fn(),
    relaunch: vi.fn(),
    whenReady: () => Promise.resolve(),
    getPath: () => options.userData,
    getAppPath: () => process.cwd(),
    getVersion: () => '0.0.0-test',
    getName: () => 'Milepæl',
    isPackaged: options.isPackaged ?? false,
  });

  const electron = {
    app,
    BrowserWindow: FakeWindow,
    Menu: { buildFromTemplate: vi.fn((t: unknown) => t), setApplicationMenu: vi.fn() },
    dialog: { showOpenDialog: vi.fn(), showSaveDialog: vi.fn(), showMessageBox: vi.fn(async () => ({ response: 1 })), showErrorBox: vi.fn() },
    ipcMain: { handle: (channel: string, fn: (event: unknown, ...args: unknown[]) => unknown) => ipcHandlers.set(channel, fn), on: vi.fn() },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    session: {
      defaultSession: {
        webRequest: { onHeadersReceived: (fn: (typeof headerHooks)[number]) => headerHooks.push(fn) },
        setPermissionRequestHandler: vi.fn(),
        setPermissionCheckHandler: vi.fn(),
      },
    },
    shell: { openExternal: vi.fn(async () => undefined), openPath: vi.fn(async () => '') },
  };
  return { electron, ipcHandlers, windows, headerHooks, FakeWebContents };
}
