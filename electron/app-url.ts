import { pathToFileURL } from 'node:url';

export interface AppPage {
  /** The built UI's entry file (out/renderer/index.html inside the installed app). */
  rendererIndex: string;
  /** electron-vite's dev server; honoured only in an unpackaged app. */
  devServerUrl?: string | null;
  /** The platform whose paths `rendererIndex` is written in; decides drive letters and case. */
  platform?: NodeJS.Platform;
}

function parse(raw: string): URL | null {
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

/**
 * Whether a frame shows our own page. Chromium reports file URLs percent-encoded ("Milep%C3%A6l",
 * "Program%20Files", "file:///C:/…"), so the entry file goes through the same encoding and the two
 * are compared whole: a prefix test would also pass "index.html.evil". Query and fragment (the
 * client-side route) may differ.
 */
export function appUrlMatcher(page: AppPage): (url: string) => boolean {
  const platform = page.platform ?? process.platform;
  if (page.devServerUrl) {
    const dev = parse(page.devServerUrl);
    if (dev === null) return () => false;
    return (raw) => {
      const url = parse(raw);
      return url !== null && url.origin === dev.origin;
    };
  }
  const expected = pathToFileURL(page.rendererIndex, { windows: platform === 'win32' });
  // Windows and macOS file systems ignore case; Chromium may spell the drive letter either way.
  const comparable = (pathname: string) => (platform === 'win32' || platform === 'darwin' ? pathname.toLowerCase() : pathname);
  const want = comparable(decodeURIComponent(expected.pathname));
  return (raw) => {
    const url = parse(raw);
    if (url === null || url.protocol !== 'file:' || url.host !== '') return false;
    try {
      return comparable(decodeURIComponent(url.pathname)) === want;
    } catch {
      return false;
    }
  };
}
