import { Repo, type DocumentId, type Message } from '@automerge/automerge-repo';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { municipalityDocumentId } from '../../src/backend/engine/ids';
import { AtomicFsStorage } from '../../src/backend/engine/storage';
import { removeMember } from '../../src/backend/team/members';
import { KEY_HEADER } from '../../src/backend/team/protocol';
import { startTeamServer, type RunningTeamServer } from '../../src/backend/team/server';
import { findViaServer, member, onServer, seedDocument, startClient, tempDir, until, waitFor, type TestClient, type TestDoc } from './helpers';

const open: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  for (const thing of open.splice(0).reverse()) await thing.close();
});

async function server(workspace: string): Promise<RunningTeamServer> {
  const running = await startTeamServer({ workspace, log: () => undefined });
  open.push(running);
  return running;
}

async function client(url: string, key: string): Promise<TestClient> {
  const c = await startClient(url, key);
  open.push(c);
  return c;
}

/** The upgrade's answer: 101 when the key is accepted, the HTTP status otherwise. */
function upgradeStatus(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve) => {
    const socket = new WebSocket(`${url.replace('http', 'ws')}/sync`, { headers });
    socket.on('open', () => {
      socket.close();
      resolve(101);
    });
    socket.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      socket.terminate();
    });
    socket.on('error', () => undefined);
  });
}

/** Every document id a client's adapter receives anything about, with the message types. */
function recordIncoming(c: TestClient): Array<{ type: string; documentId?: string }> {
  const seen: Array<{ type: string; documentId?: string }> = [];
  c.adapter.on('message', (m: Message) => seen.push({ type: m.type, ...(m.documentId ? { documentId: m.documentId } : {}) }));
  return seen;
}

async function storedDoc(folder: string, id: DocumentId): Promise<TestDoc | undefined> {
  const repo = new Repo({ storage: new AtomicFsStorage(folder) });
  const handle = await repo.find<TestDoc>(id, { allowableStates: ['ready', 'unavailable'] }).catch(() => null);
  const doc = handle?.isReady() ? structuredClone(handle.doc()) : undefined;
  await repo.shutdown();
  return doc;
}

describe('the team server refuses', { timeout: 30_000 }, () => {
  it('a missing, wrong or malformed key with 401 during the upgrade, and accepts a member key', async () => {
    const workspace = await tempDir('sec');
    const key = await member(workspace, 'Projektleder', 'editor');
    const s = await server(workspace);
    expect(await upgradeStatus(s.url, {})).toBe(401);
    expect(await upgradeStatus(s.url, { [KEY_HEADER]: `mpk_${'A'.repeat(43)}` })).toBe(401);
    expect(await upgradeStatus(s.url, { [KEY_HEADER]: key.slice(0, -1) })).toBe(401);
    expect(await upgradeStatus(s.url, { [KEY_HEADER]: `${key}x` })).toBe(401);
    expect(await upgradeStatus(s.url, { [KEY_HEADER]: key })).toBe(101);
  });

  it('a removed member: their open connection is closed, no later change reaches them, and they cannot reconnect', async () => {
    const workspace = await tempDir('sec');
    const leaderKey = await member(workspace, 'Projektleder', 'editor');
    const memberKey = await member(workspace, 'Teammedlem', 'editor');
    const s = await server(workspace);
    const leader = await client(s.url, leaderKey);
    const other = await client(s.url, memberKey);
    const id = municipalityDocumentId('aarhus');
    const doc = seedDocument(leader.repo, 'aarhus', id);
    doc.change((d) => void (d.edits.first = 'synlig'));
    await onServer<TestDoc>(s.repo, id, (d) => d.edits.first === 'synlig');
    const otherDoc = await findViaServer<TestDoc>(other, id);
    await waitFor(otherDoc, (d) => d.edits.first === 'synlig');

    await removeMember(workspace, 'Teammedlem');
    await until(() => !other.adapter.connected, 3000);
    doc.change((d) => void (d.edits.second = 'efter fjernelse'));
    await until(() => other.refusals.some((r) => /refused the key/.test(r)), 3000);
    await onServer<TestDoc>(s.repo, id, (d) => d.edits.second !== undefined);
    expect(otherDoc.doc().edits.second).toBeUndefined();
    expect(s.connectedMembers()).toEqual(['Projektleder']);
  });
});

describe('roles and visibility', { timeout: 30_000 }, () => {
  it("a viewer's change is neither stored nor forwarded, while the viewer still receives the editors' changes", async () => {
    const workspace = await tempDir('sec');
    const editorKey = await member(workspace, 'Projektleder', 'editor');
    const viewerKey = await member(workspace, 'Ledelse', 'viewer');
    const s = await server(workspace);
    const editor = await client(s.url, editorKey);
    const viewer = await client(s.url, viewerKey);
    const id = municipalityDocumentId('aarhus');
    const editorDoc = seedDocument(editor.repo, 'aarhus', id);
    editorDoc.change((d) => void (d.edits.owner = 'Projektleder'));
    await onServer<TestDoc>(s.repo, id, (d) => d.edits.owner === 'Projektleder');
    const viewerDoc = await findViaServer<TestDoc>(viewer, id);
    await waitFor(viewerDoc, (d) => d.edits.owner === 'Projektleder');

    viewerDoc.change((d) => void (d.edits.owner = 'Ledelse'));
    viewerDoc.change((d) => void (d.edits.sneaky = 'fra en læser'));
    await until(() => (s.refusals.get('change from a viewer') ?? 0) > 0, 3000);
    editorDoc.change((d) => void (d.edits.later = 'ny ændring'));
    await waitFor(viewerDoc, (d) => d.edits.later === 'ny ændring');
    await new Promise((r) => setTimeout(r, 300));

    const serverCopy = await onServer<TestDoc>(s.repo, id, () => true);
    expect(serverCopy.edits.sneaky).toBeUndefined();
    expect(serverCopy.edits.owner).toBe('Projektleder');
    expect(editorDoc.doc().edits.sneaky).toBeUndefined();
    await s.repo.flush();
    expect((await storedDoc(`${workspace}/engine`, id))?.edits).toEqual({ owner: 'Projektleder', later: 'ny ændring' });
  });

  it('a member limited to one municipality never receives another one, not even by asking for its id', async () => {
    const workspace = await tempDir('sec');
    const leaderKey = await member(workspace, 'Konsulent', 'editor');
    const limitedKey = await member(workspace, 'Aarhus-team', 'editor', ['aarhus']);
    const s = await server(workspace);
    const leader = await client(s.url, leaderKey);
    const aarhus = municipalityDocumentId('aarhus');
    const odense = municipalityDocumentId('odense');
    seedDocument(leader.repo, 'aarhus', aarhus).change((d) => void (d.edits.a = 'Aarhus'));
    seedDocument(leader.repo, 'odense', odense).change((d) => void (d.edits.o = 'Odense'));
    await onServer<TestDoc>(s.repo, odense, (d) => d.edits.o === 'Odense');
    await onServer<TestDoc>(s.repo, aarhus, (d) => d.edits.a === 'Aarhus');

    const limited = await client(s.url, limitedKey);
    const seen = recordIncoming(limited);
    await waitFor(await findViaServer<TestDoc>(limited, aarhus), (d) => d.edits.a === 'Aarhus');
    await expect(limited.repo.find<TestDoc>(odense)).rejects.toThrow(/unavailable/);
    // Pushing a document under Odense's id must not change the real Odense either.
    seedDocument(limited.repo, 'odense', odense).change((d) => void (d.edits.o = 'overskrevet'));
    await new Promise((r) => setTimeout(r, 500));

    const aboutOdense = seen.filter((m) => m.documentId === odense);
    expect(aboutOdense.length).toBeGreaterThan(0);
    expect(aboutOdense.every((m) => m.type === 'doc-unavailable')).toBe(true);
    expect((await onServer<TestDoc>(s.repo, odense, () => true)).edits.o).toBe('Odense');
  });

  it('a peer id in use by one member cannot be taken over by another', async () => {
    const workspace = await tempDir('sec');
    const aKey = await member(workspace, 'A', 'editor');
    const bKey = await member(workspace, 'B', 'editor');
    const s = await server(workspace);
    const a = await client(s.url, aKey);
    await until(() => a.adapter.connected);
    const hijack = new WebSocket(`${s.url.replace('http', 'ws')}/sync`, { headers: { [KEY_HEADER]: bKey } });
    await new Promise((r) => hijack.on('open', r));
    const closed = new Promise<number>((r) => hijack.on('close', (code) => r(code)));
    const { cbor } = await import('@automerge/automerge-repo');
    hijack.send(cbor.encode({ type: 'join', senderId: a.repo.peerId, peerMetadata: {}, supportedProtocolVersions: ['1'] }));
    expect(await closed).toBe(4400);
    expect(a.adapter.connected).toBe(true);
    expect(s.refusals.get('peer id belongs to someone else')).toBe(1);
  });
});
