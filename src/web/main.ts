// `npm run web`: the browser edition. Serves the built UI and the api on 127.0.0.1.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { createHandlers } from '../backend/handlers';
import { ConfSettings } from '../backend/settings/conf-settings';
import { openWorkspace } from '../backend/workspace';
import { followingEvents } from '../backend/service-holder';
import { SharingSwitcher } from '../backend/sharing/switcher';
import { startWebServer } from './server';

const argsSchema = z.object({
  port: z.coerce.number({ message: '--port must be a number' }).int().min(0).max(65535, '--port must be at most 65535').default(0),
  workspace: z.string().min(1).optional(),
  sample: z.boolean().default(false),
  open: z.boolean().default(true),
});

function parseCommandLine() {
  try {
    const { values } = parseArgs({
      options: { port: { type: 'string' }, workspace: { type: 'string' }, sample: { type: 'boolean' }, 'no-open': { type: 'boolean' } },
      strict: true,
    });
    const parsed = argsSchema.safeParse({ port: values.port, workspace: values.workspace ?? process.env.MILEPAEL_WORKSPACE, sample: values.sample, open: !values['no-open'] && !process.env.CI });
    if (!parsed.success) throw new Error(parsed.error.issues[0]?.message ?? 'invalid arguments');
    return parsed.data;
  } catch (error) {
    console.error(`milepael web: ${error instanceof Error ? error.message : String(error)}`);
    console.error('usage: npm run web -- [--port N] [--workspace FOLDER] [--sample] [--no-open]');
    process.exit(2);
  }
}

function openBrowser(url: string): void {
  const command = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  try {
    const child = spawn(command, [url], { detached: true, stdio: 'ignore' });
    child.on('error', () => undefined); // No desktop to open it on: the printed address is enough.
    child.unref();
  } catch {
    // Same: opening the browser is a convenience.
  }
}

const args = parseCommandLine();
const settings = new ConfSettings();
// Alone, shared folder or team server as saved in the settings (a --workspace folder wins for this run).
const switcher = await SharingSwitcher.start({
  settings,
  open: (options) => openWorkspace(options),
  ...(args.workspace === undefined ? {} : { fixedFolder: path.resolve(args.workspace) }),
  warn: (line) => console.warn(line),
});
const service = switcher.holder.current;
if (args.sample && (await service.list()).length === 0) {
  const sample = await service.createSample();
  console.log(`Created the example municipality "${sample.name}".`);
}
const staticDir = fileURLToPath(new URL('../../out/renderer', import.meta.url));
if (!existsSync(path.join(staticDir, 'index.html'))) console.warn('The UI is not built yet: run "npm run build:ui" (npm run web does this for you).');
const version = process.env.npm_package_version ?? '0.0.0';
const handlers = switcher.handlers((current) => createHandlers(current, { edition: 'browser', version }));
const server = await startWebServer({ handlers, staticDir, events: followingEvents(switcher.holder) }, args.port);
const address = `${server.url}?token=${server.token}`;
console.log(`Milepæl (browser edition) is running at ${address}`);
console.log(`Workspace: ${service.location}${switcher.state().mode === 'server' ? ` (local copy of ${switcher.state().server?.url ?? 'the team server'})` : ''}`);
console.log('Press Ctrl-C to stop.');
if (args.open) openBrowser(address);

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  void server.close().then(async () => {
    await switcher.close().catch(() => undefined);
    console.log('Milepæl stopped.');
    process.exit(0);
  });
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
