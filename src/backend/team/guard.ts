import * as Automerge from '@automerge/automerge';
import { cbor, isValidDocumentId, type Message, type PeerId } from '@automerge/automerge-repo';
import { WebSocketServerAdapter } from '@automerge/automerge-repo-network-websocket';
import type { WebSocket, WebSocketServer } from 'ws';
import { z } from 'zod';
import type { Member } from './members';
import { MEMBER_MESSAGE, type MemberInfo } from './protocol';

/** The presence marker automerge-repo's Presence puts in its ephemeral messages. */
const PRESENCE = '__presence';
const MAX_EPHEMERAL_BYTES = 64 * 1024;

const peerIdSchema = z.string().min(1).max(200).regex(/^[\w.:@+-]+$/);
const bytes = z.custom<Uint8Array>((value) => value instanceof Uint8Array);

const joinSchema = z.object({
  type: z.literal('join'),
  senderId: peerIdSchema,
  peerMetadata: z.object({ storageId: z.string().max(200).optional(), isEphemeral: z.boolean().optional() }).strip().optional(),
  supportedProtocolVersions: z.array(z.string().max(20)).max(20).optional(),
});

const documentId = z.string().max(100).refine((id) => isValidDocumentId(id));
const docMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('sync'), senderId: peerIdSchema, targetId: peerIdSchema, documentId, data: bytes }),
  z.object({ type: z.literal('request'), senderId: peerIdSchema, targetId: peerIdSchema, documentId, data: bytes }),
  z.object({ type: z.literal('doc-unavailable'), senderId: peerIdSchema, targetId: peerIdSchema, documentId }),
  z.object({
    type: z.literal('ephemeral'),
    senderId: peerIdSchema,
    targetId: peerIdSchema,
    documentId,
    data: bytes.refine((d) => d.byteLength <= MAX_EPHEMERAL_BYTES),
    count: z.number().int().nonnegative(),
    sessionId: z.string().min(1).max(200),
  }),
]);
type DocMessage = z.infer<typeof docMessageSchema>;

export interface GuardEvents {
  /** A message was dropped or a connection closed for a reason worth counting (never with its content). */
  refused: (reason: string) => void;
}

/**
 * The team server's network adapter: automerge-repo's WebSocket server adapter, with every
 * message checked before the repo sees it. A socket belongs to the member whose key opened it;
 * its peer id is bound to it at the first join and may not be claimed by anyone else; messages
 * must be well-formed (shape, document id, decodable sync data); a viewer's changes are removed
 * from their sync messages so they are neither stored nor forwarded; presence carries the
 * member's name as the server knows it, not as the client says it.
 */
export class GuardedServerAdapter extends WebSocketServerAdapter {
  readonly #memberOfSocket = new WeakMap<WebSocket, Member>();
  readonly #peerOfSocket = new WeakMap<WebSocket, string>();
  readonly #memberOfPeer = new Map<string, Member>();
  readonly #onRefused: (reason: string) => void;

  constructor(server: WebSocketServer, onRefused: (reason: string) => void = () => undefined) {
    super(server as unknown as ConstructorParameters<typeof WebSocketServerAdapter>[0]);
    this.#onRefused = onRefused;
  }

  /** Called by the server right after the upgrade it authenticated. */
  admit(socket: WebSocket, member: Member): void {
    this.#memberOfSocket.set(socket, member);
    // ws reports an oversized or broken frame as an 'error' and then closes the socket.
    socket.on('error', () => this.#onRefused('broken or oversized frame'));
    socket.on('close', () => {
      const peerId = this.#peerOfSocket.get(socket);
      if (peerId !== undefined && this.sockets[peerId as PeerId] === undefined) this.#memberOfPeer.delete(peerId);
    });
  }

  memberOfPeer(peerId: string): Member | undefined {
    return this.#memberOfPeer.get(peerId);
  }

  connectedNames(): string[] {
    return [...this.#memberOfPeer].filter(([peerId]) => this.sockets[peerId as PeerId] !== undefined).map(([, member]) => member.name);
  }

  /** After the members file changed: drop those who left, give the others their new rights. */
  updateMembers(current: (member: Member) => Member | null): void {
    for (const [peerId, member] of this.#memberOfPeer) {
      const now = current(member);
      if (now === null) {
        this.#memberOfPeer.delete(peerId);
        const socket = this.sockets[peerId as PeerId] as unknown as WebSocket | undefined;
        socket?.close(4401, 'member removed');
      } else this.#memberOfPeer.set(peerId, now);
    }
  }

  #refuse(socket: WebSocket, reason: string): void {
    this.#onRefused(reason);
    socket.close(4400, reason.slice(0, 100));
  }

  override receiveMessage(messageBytes: Buffer, socket: WebSocket): void {
    const member = this.#memberOfSocket.get(socket);
    if (member === undefined) return void socket.terminate();
    let raw: unknown;
    try {
      raw = cbor.decode(new Uint8Array(messageBytes));
    } catch {
      return this.#refuse(socket, 'undecodable message');
    }
    if (typeof raw !== 'object' || raw === null) return this.#refuse(socket, 'message is not an object');
    if ((raw as { type?: unknown }).type === 'join') return this.#join(raw, messageBytes, socket, member);

    const boundPeer = this.#peerOfSocket.get(socket);
    if (boundPeer === undefined) return this.#refuse(socket, 'message before join');
    const parsed = docMessageSchema.safeParse(raw);
    if (!parsed.success) {
      this.#onRefused('malformed message');
      return; // A message type we do not serve (e.g. remote-heads gossip) or a wrong shape: ignore.
    }
    const message = parsed.data;
    if (message.senderId !== boundPeer) return this.#refuse(socket, 'message claims another peer id');
    if (this.sockets[boundPeer as PeerId] !== (socket as unknown)) return; // Replaced by a newer connection of the same person.
    if (message.targetId !== this.peerId) return void this.#onRefused('message for another peer');
    const current = this.#memberOfPeer.get(boundPeer) ?? member;
    const checked = this.#checkContent(message, current);
    if (checked === null) return;
    this.emit('message', checked as unknown as Message);
  }

  #join(raw: object, messageBytes: Buffer, socket: WebSocket, member: Member): void {
    const join = joinSchema.safeParse(raw);
    if (!join.success) return this.#refuse(socket, 'malformed join');
    const peerId = join.data.senderId;
    const bound = this.#peerOfSocket.get(socket);
    if (bound !== undefined && bound !== peerId) return this.#refuse(socket, 'a connection cannot change its peer id');
    if (peerId === this.peerId) return this.#refuse(socket, 'peer id of the server');
    const owner = this.#memberOfPeer.get(peerId);
    // A reconnection of the same person replaces their old connection; nobody else may take the id.
    if (owner !== undefined && owner.keyHash !== member.keyHash) return this.#refuse(socket, 'peer id belongs to someone else');
    this.#peerOfSocket.set(socket, peerId);
    this.#memberOfPeer.set(peerId, member);
    super.receiveMessage(messageBytes, socket as unknown as Parameters<WebSocketServerAdapter['receiveMessage']>[1]);
    const info: MemberInfo = { type: MEMBER_MESSAGE, role: member.role, municipalities: member.municipalities };
    if (socket.readyState === socket.OPEN) socket.send(cbor.encode(info));
  }

  #checkContent(message: DocMessage, member: Member): DocMessage | null {
    if (message.type === 'sync' || message.type === 'request') {
      let decoded: Automerge.DecodedSyncMessage;
      try {
        decoded = Automerge.decodeSyncMessage(message.data);
      } catch {
        this.#onRefused('undecodable sync data');
        return null;
      }
      if (member.role === 'viewer' && decoded.changes.length > 0) {
        this.#onRefused('change from a viewer');
        // Keep heads and needs so the viewer still receives updates; only the changes go.
        return { ...message, data: Automerge.encodeSyncMessage({ ...decoded, changes: [] }) };
      }
      return message;
    }
    if (message.type === 'ephemeral') {
      let content: unknown;
      try {
        content = cbor.decode(message.data);
      } catch {
        this.#onRefused('undecodable ephemeral data');
        return null;
      }
      return { ...message, data: new Uint8Array(cbor.encode(withServerName(content, member.name))) };
    }
    return message;
  }
}

/** Presence states carry `name`; the server sets it from the member, so nobody appears as someone else. */
function withServerName(content: unknown, name: string): unknown {
  if (typeof content !== 'object' || content === null || !(PRESENCE in content)) return content;
  const presence = (content as Record<string, unknown>)[PRESENCE];
  if (typeof presence !== 'object' || presence === null) return content;
  const p = presence as { type?: unknown; channel?: unknown; value?: unknown; state?: unknown };
  if (p.type === 'snapshot') {
    const state = typeof p.state === 'object' && p.state !== null ? p.state : {};
    return { [PRESENCE]: { ...p, state: { ...state, name } } };
  }
  if (p.type === 'update' && p.channel === 'name') return { [PRESENCE]: { ...p, value: name } };
  return content;
}
