import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { createHandlers } from '../../src/backend/handlers';
import { openWorkspace } from '../../src/backend/workspace';
import type { WorkspaceService } from '../../src/backend/service';
import { startWebServer, type RunningServer } from '../../src/web/server';

export const CHROMIUM = process.env.MILEPAEL_CHROMIUM ?? '/usr/bin/chromium';
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
}

export interface Edition {
  server: RunningServer;
  service: WorkspaceService;
  location: string;
  /** The address with the token, as the server prints it. */
  url: string;
}

/** The real browser edition on a random port with a fresh workspace, serving the built UI. */
export async function startEdition(options: { location?: string; contentDir?: string } = {}): Promise<Edition> {
  const location = options.location ?? (await mkdtemp(path.join(tmpdir(), 'milepael-e2e-')));
  const service = await openWorkspace({ location, ...(options.contentDir ? { contentDir: options.contentDir } : {}), warn: () => undefined });
  const staticDir = fileURLToPath(new URL('../../out/renderer', import.meta.url));
  const server = await startWebServer({ handlers: createHandlers(service, { edition: 'browser', version: 'e2e' }), staticDir, log: () => undefined });
  return { server, service, location, url: `${server.url}?token=${server.token}` };
}

export interface EditionPage {
  edition: Edition;
  context: BrowserContext;
  page: Page;
}

/**
 * The set-up most browser suites share: one Chromium per file, a fresh browser edition and page
 * per test (opened on the start screen unless `open` is false), and a test fails on any page error.
 * Downloads are kept, so a test can read the plan or export it saved (`download.path()`).
 */
export function editionPageEachTest(onReady: (session: EditionPage) => void, options: { viewport?: { width: number; height: number }; locale?: string; open?: boolean } = {}): void {
  let browser: Browser;
  let session: EditionPage;
  const pageErrors: string[] = [];
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser.close();
  });
  beforeEach(async () => {
    const edition = await startEdition();
    const context = await browser.newContext({ viewport: options.viewport ?? { width: 1366, height: 768 }, locale: options.locale ?? 'da-DK', acceptDownloads: true });
    const page = await context.newPage();
    pageErrors.length = 0;
    page.on('pageerror', (e) => pageErrors.push(e.message));
    session = { edition, context, page };
    onReady(session);
    if (options.open !== false) await page.goto(edition.url);
  });
  afterEach(async () => {
    await session.context.close();
    await session.edition.server.close();
    expect(pageErrors).toEqual([]);
  });
}
