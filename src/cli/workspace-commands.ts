import { createHash } from 'node:crypto';
import { homedir } from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { statusSchema } from '../core/schema/common';
import type { ChecklistEdit } from '../core/checklist/edits';
import { serializeMunicipality } from '../core/schema/validate-municipality';
import { writeFileAtomic } from '../backend/fs/atomic-write';
import { engineOf } from '../backend/engine/registry';
import type { EngineWorkspace } from '../backend/engine/engine-workspace';
import { BackendError } from '../backend/errors';
import { openWorkspace } from '../backend/workspace';
import type { WorkspaceService } from '../backend/service';
import { connectToTeamServer } from '../backend/team/connect';
import { checkArgs, parseCommandArgs, UsageError } from './args';
import { readText } from './read-text';
import { CliProblem } from './cli-problem';

export { CliProblem };

export interface WorkspaceCliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  contentDir?: string;
  now?: () => Date;
}

export { WORKSPACE_HELP } from './workspace-help';

const WHERE = '<where> is a workspace folder, or a team server address (https://…) with --key';


const isServer = (where: string) => /^(https?|wss?):\/\//i.test(where);

interface Opened {
  service: WorkspaceService;
  engine: EngineWorkspace;
  close: () => Promise<void>;
  /** Waits until the team server has what this process stored (no-op for a folder). */
  acknowledged: (municipalityId: string) => Promise<void>;
}

const SYNC_WAIT_MS = 15_000;

async function open(where: string, key: string | undefined, io: WorkspaceCliIo): Promise<Opened> {
  const env = { ...(io.now ? { now: io.now } : {}) };
  if (!isServer(where)) {
    if (key !== undefined) throw new UsageError('--key is only for a team server address');
    const service = await openWorkspace({ location: path.resolve(where), ...(io.contentDir ? { contentDir: io.contentDir } : {}), env, engine: { watchFolder: false, mode: 'folder' }, warn: io.err });
    const engine = engineOf(service)!;
    return { service, engine, close: () => engine.close(), acknowledged: async () => undefined };
  }
  if (!key) throw new UsageError('a team server needs your personal key: --key KEY (from "milepael team add")');
  // A local copy per server, so the command also has the documents it fetched before.
  const cache = path.join(homedir(), '.cache', 'milepael', 'team', createHash('sha256').update(where).digest('hex').slice(0, 16));
  let refused: string | null = null;
  const adapter = connectToTeamServer(where, key, { onRefused: (reason) => (refused = reason) });
  const service = await openWorkspace({ location: cache, ...(io.contentDir ? { contentDir: io.contentDir } : {}), env, engine: { watchFolder: false, mode: 'server', network: [adapter] }, warn: () => undefined });
  const engine = engineOf(service)!;
  const deadline = Date.now() + SYNC_WAIT_MS;
  while (!adapter.connected && refused === null && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  if (refused !== null) throw new CliProblem(`the team server refused the connection: ${String(refused)}`);
  if (!adapter.connected) throw new CliProblem(`could not reach the team server at ${where}; check the address and your network`);
  // Let the directory of municipalities arrive.
  await new Promise((r) => setTimeout(r, 500));
  return {
    service,
    engine,
    close: () => engine.close(),
    acknowledged: async (municipalityId) => {
      const until = Date.now() + SYNC_WAIT_MS;
      while (Date.now() < until) {
        if (await engine.serverHas(municipalityId)) return;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new CliProblem('the change is stored locally but the team server did not confirm it in time; it is sent the next time you connect');
    },
  };
}


function resolveMunicipality(engine: EngineWorkspace, wanted: string): string {
  const entries = engine.listEntries();
  const byId = entries.find((e) => e.id === wanted);
  if (byId) return byId.id;
  const byName = entries.filter((e) => e.name.toLocaleLowerCase('da') === wanted.toLocaleLowerCase('da'));
  if (byName.length === 1) return byName[0]!.id;
  if (byName.length > 1) throw new CliProblem(`several municipalities are called "${wanted}"; use the id: ${byName.map((e) => e.id).join(', ')}`);
  throw new CliProblem(`there is no municipality "${wanted}" here; known: ${entries.map((e) => `${e.name} (${e.id})`).join(', ') || 'none'}`);
}

async function withWorkspace<T>(where: string, key: string | undefined, io: WorkspaceCliIo, work: (opened: Opened) => Promise<T>): Promise<T> {
  const opened = await open(where, key, io);
  try {
    return await work(opened);
  } catch (error) {
    if (error instanceof BackendError) throw new CliProblem(error.message);
    throw error;
  } finally {
    await opened.close();
  }
}

const whereArg = z.string({ message: `give <where>: ${WHERE}` }).min(1);

export async function importCommand(args: readonly string[], io: WorkspaceCliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { key: { type: 'string' } }, 'import');
  const input = checkArgs(z.object({ where: whereArg, file: z.string({ message: 'give the municipality file to import' }).min(1), key: z.string().optional() }), { where: positionals[0], file: positionals[1], key: values.key }, 'import');
  if (positionals.length > 2) throw new UsageError(`unexpected argument "${positionals[2]}" (see "milepael help import")`);
  if (isServer(input.where) && !input.key) throw new UsageError('a team server needs your personal key: --key KEY (from "milepael team add")');
  const read = await readText(input.file);
  if (!read.ok) throw new CliProblem(read.message);
  return withWorkspace(input.where, input.key, io, async ({ service, acknowledged }) => {
    const file = await service.importFile(read.text, path.basename(input.file));
    await acknowledged(file.id);
    io.out(file.id);
    return 0;
  });
}

const editArgs = z.object({
  where: whereArg,
  municipality: z.string({ message: 'missing --municipality <id|name>' }).min(1),
  item: z.string({ message: 'missing --item <itemId> (the ids are in "milepael export")' }).min(1).max(120),
  status: statusSchema.optional(),
  owner: z.string().max(200).optional(),
  note: z.string().max(50000).optional(),
  as: z.string({ message: 'missing --as "<your name>": every change says who made it' }).trim().min(1, '--as must not be empty').max(200),
  key: z.string().optional(),
});

export async function editCommand(args: readonly string[], io: WorkspaceCliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { municipality: { type: 'string' }, item: { type: 'string' }, status: { type: 'string' }, owner: { type: 'string' }, note: { type: 'string' }, as: { type: 'string' }, key: { type: 'string' } }, 'edit');
  const input = checkArgs(editArgs, { where: positionals[0], ...values }, 'edit');
  const edits: ChecklistEdit[] = [];
  if (input.status !== undefined) edits.push({ type: 'setStatus', itemId: input.item, status: input.status });
  if (input.owner !== undefined) edits.push({ type: 'setOwner', itemId: input.item, owner: input.owner });
  if (input.note !== undefined) edits.push({ type: 'setNotes', itemId: input.item, notes: input.note });
  if (edits.length === 0) throw new UsageError('nothing to change: give --status, --owner and/or --note (see "milepael help edit")');
  return withWorkspace(input.where, input.key, io, async ({ engine, acknowledged }) => {
    const id = resolveMunicipality(engine, input.municipality);
    const { file } = await engine.applyEdits(id, edits, input.as);
    await acknowledged(id);
    io.out(`Stored: ${file.name}, ${input.item}, revision ${file.revision}`);
    return 0;
  });
}

export async function exportCommand(args: readonly string[], io: WorkspaceCliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { municipality: { type: 'string' }, out: { type: 'string' }, key: { type: 'string' } }, 'export');
  const input = checkArgs(z.object({ where: whereArg, municipality: z.string({ message: 'missing --municipality <id|name>' }).min(1), out: z.string({ message: 'missing --out FILE' }).min(1), key: z.string().optional() }), { where: positionals[0], ...values }, 'export');
  return withWorkspace(input.where, input.key, io, async ({ engine }) => {
    const id = resolveMunicipality(engine, input.municipality);
    const { file } = await engine.live(id);
    await writeFileAtomic(path.resolve(input.out), serializeMunicipality(file));
    io.out(`Wrote ${input.out}: ${file.name}, revision ${file.revision}`);
    return 0;
  });
}

export async function logCommand(args: readonly string[], io: WorkspaceCliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { municipality: { type: 'string' }, json: { type: 'boolean' }, key: { type: 'string' } }, 'log');
  const input = checkArgs(z.object({ where: whereArg, municipality: z.string({ message: 'missing --municipality <id|name>' }).min(1), json: z.boolean().optional(), key: z.string().optional() }), { where: positionals[0], ...values }, 'log');
  return withWorkspace(input.where, input.key, io, async ({ engine }) => {
    const id = resolveMunicipality(engine, input.municipality);
    const log = await engine.changeLog(id);
    if (input.json === true) io.out(JSON.stringify(log, null, 2));
    else
      for (const entry of log)
        for (const w of entry.what) {
          const where = [w.item, w.question ?? w.evidence].filter(Boolean).join(' / ');
          const value = w.value === undefined ? '' : ` = ${JSON.stringify(w.value)}`;
          io.out(`${entry.at.slice(0, 16).replace('T', ' ')}  ${entry.by || '(converted)'}  ${w.field}${where ? ` (${where})` : ''}${value}`);
        }
    return 0;
  });
}
