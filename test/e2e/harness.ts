import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
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
