import { randomBytes } from 'node:crypto';
import * as Automerge from '@automerge/automerge';
import { cbor, Repo, type DocumentId } from '@automerge/automerge-repo';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { municipalityDocumentId } from '../../src/backend/engine/ids';
import { AtomicFsStorage } from '../../src/backend/engine/storage';
import { KEY_HEADER } from '../../src/backend/team/protocol';
import { findViaServer, member, seedDocument, startClient, tempDir, waitFor, type TestDoc } from './helpers';
import { freePort, killAll, startServeProcess } from './processes';

afterAll(() => killAll());

const MESSAGES = Number(process.env.MILEPAEL_HOSTILE_MESSAGES ?? 1200);

/** One kind of hostile message; `peerId` is the sender's own, `victim` a real client's, `doc` a real document. */
type Maker = (ctx: { peerId: string; victim: string; serverPeer: string; doc: string }) => Uint8Array;

const randomDocId = () => municipalityDocumentId(randomBytes(8).toString('hex'));
const enc = (value: unknown) => new Uint8Array(cbor.encode(value));
const sync = (data: Uint8Array, documentId: string, senderId: string, targetId: string) => enc({ type: 'sync', senderId, targetId, documentId, data });
const garbageSync = () => Automerge.encodeSyncMessage({ heads: [], need: [], have: [], changes: [new Uint8Array(randomBytes(1 + Math.floor(Math.random() * 300)))] });

const MAKERS: Record<string, Maker> = {
  'random bytes': () => new Uint8Array(randomBytes(Math.floor(Math.random() * 2000))),
  'truncated CBOR': (c) => sync(new Uint8Array(randomBytes(50)), c.doc, c.peerId, c.serverPeer).slice(0, 20 + Math.floor(Math.random() * 30)),
  'CBOR of the wrong type': () => enc(fc.sample(fc.oneof(fc.integer(), fc.string(), fc.array(fc.integer()), fc.constant(null), fc.boolean()), 1)[0]),
  'fields of the wrong type': (c) => enc({ type: 'sync', senderId: c.peerId, targetId: 42, documentId: ['x'], data: 'not bytes' }),
  'unknown message type': (c) => enc({ type: 'remote-heads-changed', senderId: c.peerId, targetId: c.serverPeer, documentId: c.doc, newHeads: { x: { heads: 7 } } }),
  'huge declared length': () => new Uint8Array([0xbb, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x5a, 0xff, 0xff, 0xff, 0xf0, 1, 2, 3]),
  'unknown document id': (c) => sync(Automerge.encodeSyncMessage({ heads: [], need: [], have: [], changes: [] }), randomDocId(), c.peerId, c.serverPeer),
  'malformed document id': (c) => sync(Automerge.encodeSyncMessage({ heads: [], need: [], have: [], changes: [] }), '../../etc/passwd', c.peerId, c.serverPeer),
  'random sync data for a real document': (c) => sync(new Uint8Array(randomBytes(1 + Math.floor(Math.random() * 500))), c.doc, c.peerId, c.serverPeer),
  'well-framed sync with garbage changes': (c) => sync(garbageSync(), c.doc, c.peerId, c.serverPeer),
  'claiming another peer id': (c) => sync(garbageSync(), c.doc, c.victim, c.serverPeer),
  'addressed to another peer': (c) => sync(garbageSync(), c.doc, c.peerId, c.victim),
  'ephemeral with garbage': (c) => enc({ type: 'ephemeral', senderId: c.peerId, targetId: c.serverPeer, documentId: c.doc, count: 1, sessionId: 's', data: new Uint8Array(randomBytes(40)) }),
  'second join with a new peer id': () => enc({ type: 'join', senderId: `peer-${randomBytes(4).toString('hex')}`, peerMetadata: {}, supportedProtocolVersions: ['1'] }),
};

/** Opens an authenticated socket and joins with a fresh peer id; resolves with the server's peer id. */
async function hostileSocket(url: string, key: string): Promise<{ socket: WebSocket; peerId: string; serverPeer: string }> {
  const socket = new WebSocket(`${url.replace('http', 'ws')}/sync`, { headers: { [KEY_HEADER]: key } });
  socket.on('error', () => undefined);
  await new Promise((resolve, reject) => (socket.once('open', resolve), socket.once('close', reject)));
  const peerId = `peer-${randomBytes(6).toString('hex')}`;
  const serverPeer = new Promise<string>((resolve) => socket.once('message', (data: Buffer) => resolve((cbor.decode(new Uint8Array(data)) as { senderId: string }).senderId)));
  socket.send(enc({ type: 'join', senderId: peerId, peerMetadata: {}, supportedProtocolVersions: ['1'] }));
  return { socket, peerId, serverPeer: await serverPeer };
}

describe('hostile sync messages', () => {
  it(`${MESSAGES} malformed or hostile messages: the server stays up, answers a good client, and no document is damaged`, async () => {
    const workspace = await tempDir('hostile');
    const goodKey = await member(workspace, 'Projektleder', 'editor');
    const attackerKey = await member(workspace, 'Angriber', 'editor');
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const server = await startServeProcess(workspace, port);

    const good = await startClient(url, goodKey);
    const id = municipalityDocumentId('aarhus');
    const handle = seedDocument(good.repo, 'aarhus', id);
    for (let i = 0; i < 20; i++) handle.change((d) => void (d.edits[`e${i}`] = `værdi ${i}`));
    const otherGood = await startClient(url, goodKey);
    await waitFor(await findViaServer<TestDoc>(otherGood, id), (d) => d.edits.e19 === 'værdi 19', 60_000);

    const kinds = Object.keys(MAKERS);
    const sent = new Map<string, number>();
    let connection = await hostileSocket(url, attackerKey);
    let reconnections = 0;
    for (let n = 0; n < MESSAGES; n++) {
      if (connection.socket.readyState !== WebSocket.OPEN) {
        connection = await hostileSocket(url, attackerKey);
        reconnections++;
      }
      const kind = kinds[n % kinds.length]!;
      const message = MAKERS[kind]!({ peerId: connection.peerId, victim: good.repo.peerId, serverPeer: connection.serverPeer, doc: id });
      connection.socket.send(message);
      sent.set(kind, (sent.get(kind) ?? 0) + 1);
      // Let the server answer (or close) before the next message, so each one is judged on its own.
      await new Promise((r) => setTimeout(r, 2));
    }
    // One message far over the size limit, too.
    if (connection.socket.readyState !== WebSocket.OPEN) connection = await hostileSocket(url, attackerKey);
    connection.socket.send(new Uint8Array(40 * 1024 * 1024));
    await new Promise((r) => setTimeout(r, 500));
    connection.socket.terminate();

    expect(server.process.exitCode).toBeNull();
    expect([...sent.values()].reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(1000);
    expect(reconnections).toBeGreaterThan(0);

    // The server still serves: a change from a good client reaches another good client.
    handle.change((d) => void (d.edits.after = 'efter angrebet'));
    const fresh = await startClient(url, goodKey);
    const freshDoc = await waitFor(await findViaServer<TestDoc>(fresh, id), (d) => d.edits.after === 'efter angrebet', 60_000);
    expect(Object.keys(freshDoc.edits)).toHaveLength(21);

    for (const c of [good, otherGood, fresh]) await c.close();
    server.process.kill('SIGTERM');
    await server.exited;
    expect(server.stderr()).not.toMatch(/ignored/);

    // On disk, the document loads and holds exactly the good history.
    const repo = new Repo({ storage: new AtomicFsStorage(`${workspace}/engine`) });
    const stored = await repo.find<TestDoc>(id as DocumentId);
    expect(stored.doc().edits.e0).toBe('værdi 0');
    expect(stored.doc().edits.after).toBe('efter angrebet');
    // The seed, the 20 edits and the one after the attack: nothing from the attacker.
    expect(Automerge.getAllChanges(stored.doc())).toHaveLength(22);
    expect(stored.heads()).toEqual(handle.heads());
    await repo.shutdown();
  }, 400_000);
});
