import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as Automerge from '@automerge/automerge';
import { Repo, type DocHandle, type DocumentId } from '@automerge/automerge-repo';
import { SEED_ACTOR } from '../../src/backend/engine/ids';
import { AtomicFsStorage } from '../../src/backend/engine/storage';
import { connectToTeamServer } from '../../src/backend/team/connect';
import type { TeamClientAdapter } from '../../src/backend/team/client-adapter';
import { addMember, type Role } from '../../src/backend/team/members';

export const tempDir = (prefix: string) => mkdtemp(path.join(tmpdir(), `milepael-${prefix}-`));

/** A team member's app: its own storage folder, connected to the server with its key. */
export interface TestClient {
  repo: Repo;
  adapter: TeamClientAdapter;
  refusals: string[];
  close(): Promise<void>;
}

export async function startClient(serverUrl: string, key: string, folder?: string): Promise<TestClient> {
  const refusals: string[] = [];
  const adapter = connectToTeamServer(serverUrl, key, { retryMs: 200, onRefused: (reason) => refusals.push(reason) });
  const repo = new Repo({ storage: new AtomicFsStorage(folder ?? (await tempDir('client'))), network: [adapter] });
  return { repo, adapter, refusals, close: () => closeRepo(repo) };
}

export async function member(workspace: string, name: string, role: Role, municipalities: string[] = []): Promise<string> {
  return (await addMember(workspace, { name, role, municipalities, now: new Date('2026-11-23T10:00:00Z') })).key;
}

/**
 * The client's handle once it is connected to the server. The adapter reports itself ready after
 * a second even while offline (offline is normal for the app), so a find() before the connection
 * is up can answer "unavailable" on a loaded machine; a test that means "ask the server" waits.
 */
export async function findViaServer<T>(c: TestClient, id: DocumentId, ms = 20_000): Promise<DocHandle<T>> {
  await until(() => c.adapter.connected, ms);
  return c.repo.find<T>(id);
}

/** Resolves with the first document state that satisfies the predicate, or rejects after the time given. */
export function waitFor<T>(handle: DocHandle<T>, predicate: (doc: T) => boolean, ms = 20_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const doc = handle.isReady() ? handle.doc() : undefined;
      if (doc !== undefined && predicate(doc)) {
        clearTimeout(timer);
        handle.off('change', check);
        resolve(doc);
      }
    };
    const timer = setTimeout(() => {
      handle.off('change', check);
      reject(new Error('timed out waiting for the document'));
    }, ms);
    handle.on('change', check);
    check();
  });
}

export async function until(condition: () => boolean | Promise<boolean>, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 25));
  }
}

export type { DocumentId };

/** A stand-in for the engine's municipality document: the same deterministic first change, a map of edits. */
export interface TestDoc {
  municipalityId: string;
  edits: Record<string, string>;
}

export function seedDocument(repo: Repo, municipalityId: string, documentId: DocumentId): DocHandle<TestDoc> {
  const seed = Automerge.change(Automerge.init<TestDoc>({ actor: SEED_ACTOR }), { time: 0 }, (d) => {
    d.municipalityId = municipalityId;
    d.edits = {};
  });
  return repo.import<TestDoc>(Automerge.save(seed), { docId: documentId });
}

/** The server's copy of a document once it satisfies the predicate (without asking peers for it). */
export async function onServer<T>(repo: Repo, id: DocumentId, predicate: (doc: T) => boolean, ms = 20_000): Promise<T> {
  let found: T | undefined;
  await until(() => {
    const handle = repo.handles[id] as DocHandle<T> | undefined;
    const doc = handle?.isReady() ? handle.doc() : undefined;
    if (doc !== undefined && predicate(doc)) found = doc;
    return found !== undefined;
  }, ms);
  return found as T;
}

/** Repo.shutdown() throws on documents that were asked for but never became ready; save only the ready ones. */
export async function closeRepo(repo: Repo): Promise<void> {
  for (const adapter of repo.networkSubsystem.adapters) adapter.disconnect();
  await repo.flush(Object.values(repo.handles).filter((h) => h.isReady()).map((h) => h.documentId));
}
