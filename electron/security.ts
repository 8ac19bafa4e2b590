export { CONTENT_SECURITY_POLICY } from '../src/api/content-security-policy';
import type { BrowserWindow, BrowserWindowConstructorOptions, WebContents } from 'electron';

type BrowserWindowClass = typeof BrowserWindow;

/**
 * The only place windows are made: the renderer is a web page with no Node and no direct IPC.
 * The options are written out literally so static checkers (electronegativity) can see them.
 */
export function createSecureWindow(
  BrowserWindow: BrowserWindowClass,
  options: Omit<BrowserWindowConstructorOptions, 'webPreferences'>,
  page: { preload?: string; javascript?: boolean } = {},
): InstanceType<BrowserWindowClass> {
  return new BrowserWindow({
    ...options,
    webPreferences: {
      ...(page.preload === undefined ? {} : { preload: page.preload }),
      javascript: page.javascript ?? true,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      disableBlinkFeatures: 'Auxclick',
      spellcheck: true,
    },
  });
}

/** Hosts whose pages a user may open from the app (sources and evidence on the public web). */
export const EXTERNAL_HOST_ALLOW_LIST = ['socialstyrelsen.dk', 'www.socialstyrelsen.dk', 'samordnerforeningen.dk', 'www.samordnerforeningen.dk', 'vive.dk', 'www.vive.dk', 'kl.dk', 'www.kl.dk'];

/** An external link opens without asking only if it is https and its host is on the allow-list. */
export function isAllowedExternalUrl(raw: string, allowList: readonly string[] = EXTERNAL_HOST_ALLOW_LIST): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' || url.username !== '' || url.password !== '') return false;
  return allowList.includes(url.hostname.toLowerCase());
}

interface Opener {
  openExternal: (url: string) => Promise<void>;
  /** Asks the user before opening a web link that is not on the allow-list (e.g. an intranet page). */
  confirmOpen: (url: string) => Promise<boolean>;
}

/** No navigation away from the app, no new windows; external links go to the OS browser after the check. */
export function hardenWebContents(contents: WebContents, appOrigin: (url: string) => boolean, shell: Opener): void {
  contents.on('will-navigate', (event, url) => {
    if (!appOrigin(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!appOrigin(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) void shell.openExternal(url);
    else if (/^https?:\/\//i.test(url)) void shell.confirmOpen(url).then((yes) => (yes ? shell.openExternal(url) : undefined));
    return { action: 'deny' };
  });
}
