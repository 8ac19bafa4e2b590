export { SERVE_HELP } from './team-help';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { createHandlers } from '../backend/handlers';
import { engineOf } from '../backend/engine/registry';
import { maySee } from '../backend/team/members';
import { readOnlyHandlers } from '../backend/team/read-only-handlers';
import { startTeamServer } from '../backend/team/server';
import { createViewer } from '../backend/team/viewer';
import { openWorkspace } from '../backend/workspace';
import { startWebServer, TOKEN_HEADER } from '../web/server';
import { checkArgs, parseCommandArgs, UsageError } from './args';


interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

const serveArgs = z
  .object({
    workspace: z.string({ message: 'missing --workspace DIR: the folder the team server keeps its documents and members in' }).min(1),
    port: z.coerce.number({ message: '--port must be a number' }).int('--port must be a whole number').min(0).max(65535, '--port must be at most 65535').default(8740),
    host: z.string().min(1).default('127.0.0.1'),
    'tls-cert': z.string().min(1).optional(),
    'tls-key': z.string().min(1).optional(),
    'allow-plain-http': z.boolean().optional(),
  })
  .refine((a) => (a['tls-cert'] === undefined) === (a['tls-key'] === undefined), 'give both --tls-cert and --tls-key, or neither')
  .refine(
    (a) => LOOPBACK.has(a.host) || a['tls-cert'] !== undefined || a['allow-plain-http'] === true,
    'keys would travel unencrypted: give --tls-cert and --tls-key when --host is not 127.0.0.1 (or add --allow-plain-http behind a TLS proxy)',
  );

async function readPem(file: string, option: string): Promise<Buffer> {
  try {
    return await readFile(path.resolve(file));
  } catch (error) {
    throw new UsageError(`cannot read ${option} ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
  }
}

/** `milepael serve`: runs until SIGINT or SIGTERM, then closes cleanly and returns 0. */
export async function serveCommand(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    args,
    { workspace: { type: 'string' }, port: { type: 'string' }, host: { type: 'string' }, 'tls-cert': { type: 'string' }, 'tls-key': { type: 'string' }, 'allow-plain-http': { type: 'boolean' } },
    'serve',
  );
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}" (see "milepael help serve")`);
  const input = checkArgs(serveArgs, values, 'serve');
  const workspace = path.resolve(input.workspace);
  const tls = input['tls-cert'] && input['tls-key'] ? { cert: await readPem(input['tls-cert'], '--tls-cert'), key: await readPem(input['tls-key'], '--tls-key') } : undefined;

  // A hostile message must not stop the server for everyone: report it and keep serving.
  // A closed terminal (EPIPE) is not reported: reporting it would fail the same way, forever.
  const report = (what: string, error: unknown) => {
    if ((error as NodeJS.ErrnoException | undefined)?.code === 'EPIPE') return;
    try {
      io.err(`milepael serve: ignored ${what}: ${error instanceof Error ? error.message : String(error)}`);
    } catch {
      // Nowhere left to report to.
    }
  };
  process.on('unhandledRejection', (reason) => report('a failed operation', reason));
  process.on('uncaughtException', (error) => report('an error', error));

  const staticDir = fileURLToPath(new URL('../../out/renderer', import.meta.url));
  const uiBuilt = existsSync(path.join(staticDir, 'index.html'));
  // The viewer needs the server's live members, the server needs the viewer's handler.
  const web: { viewer?: ReturnType<typeof createViewer> } = {};
  const server = await startTeamServer({
    workspace,
    port: input.port,
    host: input.host,
    ...(tls ? { tls } : {}),
    web: (req, res) => web.viewer?.handle(req, res),
    log: (line) => io.out(`${new Date().toISOString()} ${line}`),
  });
  // The read-only UI reads through the engine on the server's own Repo, so it shows what the team synced a moment ago.
  const service = await openWorkspace({ location: workspace, engine: { repo: server.repo, mode: 'server' }, warn: (line) => io.err(`milepael serve: ${line}`) });
  const handlers = createHandlers(service, { edition: 'browser', version: process.env.npm_package_version ?? '0.0.0' });
  const viewer = createViewer({
    members: server.members,
    secure: tls !== undefined,
    tokenHeader: TOKEN_HEADER,
    startViewer: async (member) => {
      // Live updates for the member's page, only about municipalities they may see.
      const events = (push: (event: object) => void) =>
        engineOf(service)?.subscribe((event) => {
          if (event.type !== 'municipality' || maySee(member(), event.id)) push(event);
        }) ?? (() => undefined);
      const running = await startWebServer({ handlers: readOnlyHandlers(handlers, member), staticDir, events, log: () => undefined });
      return { port: running.port, token: running.token, close: running.close };
    },
  });
  web.viewer = viewer;

  io.out(`Milepæl team server is running at ${server.url}`);
  io.out(`Workspace: ${workspace}`);
  io.out(`Members: ${server.members.current().length} (add them with: milepael team add "<name>" --workspace ${input.workspace} --role editor|viewer)`);
  io.out(`Read-only dashboard: ${server.url}/?key=<personal key>${uiBuilt ? '' : ' (build it first with "npm run build:ui")'}`);
  io.out('Press Ctrl-C to stop.');

  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await viewer.close();
  await server.close();
  io.out('Team server stopped.');
  return 0;
}
