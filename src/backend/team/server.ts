import path from 'node:path';
import { readdir } from 'node:fs/promises';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { isValidDocumentId, Repo, type DocumentId, type PeerId } from '@automerge/automerge-repo';
import { WebSocketServer } from 'ws';
import { AtomicFsStorage } from '../engine/storage';
import { directoryDocumentId, municipalityDocumentId } from '../engine/ids';
import { GuardedServerAdapter } from './guard';
import { watchMembers, type LiveMembers } from './live-members';
import { memberForKey, type Member } from './members';
import { KEY_HEADER, MAX_MESSAGE_BYTES, SYNC_PATH } from './protocol';

export interface TeamServerOptions {
  /** The workspace folder: members in team/, documents in `documentsDir`. */
  workspace: string;
  /** Where the Automerge documents are stored (NodeFS layout); `<workspace>/engine` unless a test says otherwise. */
  documentsDir?: string;
  port?: number;
  /** 127.0.0.1 unless the operator chooses to expose it. */
  host?: string;
  tls?: { cert: string | Buffer; key: string | Buffer };
  /** Everything that is not the sync endpoint (the read-only browser UI); 404 when absent. */
  web?: (req: IncomingMessage, res: ServerResponse) => void;
  /** One line per event worth an operator's eye; never keys, never document content. */
  log?: (line: string) => void;
}

export interface RunningTeamServer {
  url: string;
  port: number;
  repo: Repo;
  members: LiveMembers;
  /** Counts of refused messages by reason, for tests and the operator. */
  refusals: Map<string, number>;
  /** Who has a connection open right now (names, no keys). */
  connectedMembers(): string[];
  close(): Promise<void>;
}

/** The engine's storage folder inside a workspace (docs/sync-interface.md). */
export const ENGINE_FOLDER = 'engine';

/**
 * A member who may see every municipality gets everything; a limited member only their own
 * municipalities, and not the directory: it names every municipality on the server, and which
 * municipalities a consultancy serves is itself not everyone's business. Their app lists what it
 * has from the member message instead.
 */
export function mayAccessDocument(member: Member, documentId: DocumentId): boolean {
  if (member.municipalities.length === 0) return true;
  if (documentId === directoryDocumentId()) return false;
  return member.municipalities.some((id) => municipalityDocumentId(id) === documentId);
}

function keyOf(req: IncomingMessage): string | undefined {
  const header = req.headers[KEY_HEADER];
  return Array.isArray(header) ? header[0] : header;
}

function refuseUpgrade(socket: Duplex, status: number, text: string): void {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/** Every document in a NodeFS storage folder (`<first two>/<rest>/…`), for loading at start. */
async function storedDocumentIds(dir: string): Promise<DocumentId[]> {
  const ids: DocumentId[] = [];
  const prefixes = await readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const prefix of prefixes) {
    if (!prefix.isDirectory() || prefix.name.length !== 2) continue;
    for (const rest of await readdir(`${dir}/${prefix.name}`, { withFileTypes: true }).catch(() => [])) {
      const id = prefix.name + rest.name;
      if (rest.isDirectory() && isValidDocumentId(id)) ids.push(id as DocumentId);
    }
  }
  return ids;
}

/**
 * The team server: an automerge-repo Repo on the workspace's documents, reachable over one
 * WebSocket endpoint. The key is checked during the upgrade, so a wrong or missing key gets an
 * HTTP 401 and never a byte of a document. Which member may see which document is decided by
 * the repo's share config; what each message may do is decided by the GuardedServerAdapter.
 */
export async function startTeamServer(options: TeamServerOptions): Promise<RunningTeamServer> {
  const log = options.log ?? ((line: string) => console.log(line));
  const refusals = new Map<string, number>();
  const countRefusal = (reason: string) => refusals.set(reason, (refusals.get(reason) ?? 0) + 1);
  const members = await watchMembers(options.workspace, log);

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  const adapter = new GuardedServerAdapter(wss, countRefusal);
  const documentsDir = options.documentsDir ?? path.join(options.workspace, ENGINE_FOLDER);

  // Document ids are derived from municipality ids (docs/sync-interface.md), so access is decided
  // by id alone, before a document is loaded, and a request for any other id is simply refused.
  const mayAccess = (peerId: PeerId, documentId: DocumentId | undefined): Promise<boolean> => {
    const member = adapter.memberOfPeer(peerId);
    return Promise.resolve(member !== undefined && documentId !== undefined && mayAccessDocument(member, documentId));
  };

  const repo = new Repo({
    storage: new AtomicFsStorage(documentsDir),
    network: [adapter],
    shareConfig: { announce: mayAccess, access: mayAccess },
  });

  members.onChange((current) => {
    const byHash = new Map(current.map((m) => [m.keyHash, m]));
    adapter.updateMembers((m: Member) => byHash.get(m.keyHash) ?? null);
    repo.shareConfigChanged();
  });

  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    if (options.web) return options.web(req, res);
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
  };
  const server: Server = options.tls ? createHttpsServer({ cert: options.tls.cert, key: options.tls.key }, onRequest) : createHttpServer(onRequest);

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => undefined);
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (pathname !== SYNC_PATH) return refuseUpgrade(socket, 404, 'Not Found');
    const member = memberForKey(members.current(), keyOf(req));
    if (member === null) {
      countRefusal('wrong or missing key');
      return refuseUpgrade(socket, 401, 'Unauthorized');
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      adapter.admit(ws, member);
      wss.emit('connection', ws, req);
      log(`${member.name} (${member.role}) connected`);
      ws.on('close', () => log(`${member.name} disconnected`));
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  // Loaded once listening, in the background, so every connecting member is offered the documents
  // they may see. (Awaiting them first would deadlock: the repo waits for its network to be ready,
  // and the network only becomes ready when the first member connects.)
  const loading = storedDocumentIds(documentsDir).then((ids) =>
    Promise.all(ids.map((id) => repo.find(id, { allowableStates: ['ready', 'unavailable'] }).catch(() => log(`document ${id} could not be loaded`)))),
  );
  const address = server.address() as AddressInfo;
  const hostForUrl = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `${options.tls ? 'https' : 'http'}://${hostForUrl}:${address.port}`,
    port: address.port,
    repo,
    members,
    refusals,
    connectedMembers: () => [...new Set(adapter.connectedNames())],
    close: async () => {
      await Promise.race([loading, new Promise((r) => setTimeout(r, 1000))]);
      members.close();
      for (const client of wss.clients) client.terminate();
      for (const networkAdapter of repo.networkSubsystem.adapters) networkAdapter.disconnect();
      // Documents a peer asked for but nobody had are not ready and have nothing to save.
      await repo.flush(Object.values(repo.handles).filter((h) => h.isReady()).map((h) => h.documentId));
      wss.close();
      await new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
    },
  };
}
