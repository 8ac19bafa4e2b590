import { describe, expect, it } from 'vitest';
import { appUrlMatcher } from '../../electron/app-url';

/** Entry files as installed on each platform, and the URL Chromium reports for the page. */
const INSTALLS = [
  {
    platform: 'linux' as const,
    index: '/opt/Milepæl/resources/app.asar/out/renderer/index.html',
    chromium: 'file:///opt/Milep%C3%A6l/resources/app.asar/out/renderer/index.html',
  },
  {
    platform: 'darwin' as const,
    index: '/Applications/Milepæl.app/Contents/Resources/app.asar/out/renderer/index.html',
    chromium: 'file:///Applications/Milep%C3%A6l.app/Contents/Resources/app.asar/out/renderer/index.html',
  },
  {
    platform: 'win32' as const,
    index: 'C:\\Users\\Søren Ærø\\AppData\\Local\\Programs\\Milepæl\\resources\\app.asar\\out\\renderer\\index.html',
    chromium: 'file:///C:/Users/S%C3%B8ren%20%C3%86r%C3%B8/AppData/Local/Programs/Milep%C3%A6l/resources/app.asar/out/renderer/index.html',
  },
  {
    platform: 'win32' as const,
    index: 'C:\\Program Files\\Milepæl\\resources\\app.asar\\out\\renderer\\index.html',
    chromium: 'file:///c:/Program%20Files/Milep%C3%A6l/resources/app.asar/out/renderer/index.html',
  },
];

describe('the IPC sender check recognises the installed app (issue 15, point 7)', () => {
  it.each(INSTALLS)('on $platform, from the percent-encoded URL Chromium reports, with a route after it', ({ platform, index, chromium }) => {
    const isApp = appUrlMatcher({ rendererIndex: index, platform });
    expect(isApp(chromium)).toBe(true);
    expect(isApp(`${chromium}#/kommune/abc/plan`)).toBe(true);
  });

  it.each(INSTALLS)('on $platform, refuses look-alikes: a longer file name, a sibling file, another host', ({ platform, index, chromium }) => {
    const isApp = appUrlMatcher({ rendererIndex: index, platform });
    expect(isApp(`${chromium}.evil`)).toBe(false);
    expect(isApp(chromium.replace('index.html', 'index.html.evil'))).toBe(false);
    expect(isApp(chromium.replace('index.html', 'evil.html'))).toBe(false);
    expect(isApp(chromium.replace('renderer/index.html', 'renderer/../../evil/index.html'))).toBe(false);
    expect(isApp(chromium.replace('file:///', 'file://evil.example/'))).toBe(false);
    expect(isApp('https://evil.example/index.html')).toBe(false);
    expect(isApp('not a url')).toBe(false);
  });

  it('trusts the dev server by origin only, not by prefix (issue 15, point 8)', () => {
    const isApp = appUrlMatcher({ rendererIndex: '/x/index.html', devServerUrl: 'http://localhost:5173' });
    expect(isApp('http://localhost:5173/#/kommune/a')).toBe(true);
    expect(isApp('http://localhost:5173.evil/')).toBe(false);
    expect(isApp('http://localhost:51730/')).toBe(false);
    expect(isApp('http://localhost:5173@evil.example/')).toBe(false);
  });
});
