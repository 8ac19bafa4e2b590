import { cbor, NetworkAdapter, type Message, type PeerId, type PeerMetadata } from '@automerge/automerge-repo';
import WebSocket from 'ws';
import { KEY_HEADER, MEMBER_MESSAGE, SYNC_PATH, type MemberInfo } from './protocol';

export interface TeamClientOptions {
  /** The team server's address, e.g. https://team.kommune.dk:8443 (ws:// and wss:// also work). */
  serverUrl: string;
  key: string;
  /** Wait between reconnection attempts while the server is away. */
  retryMs?: number;
  /** Told once per distinct reason when the server refuses us (wrong key, removed member). */
  onRefused?: (reason: string) => void;
  /** Extra trust for a self-signed server certificate (PEM), when the server is not signed by a known CA. */
  ca?: string | Buffer;
  /** Told what the server lets this key do, after each connection. */
  onMember?: (member: Omit<MemberInfo, 'type'>) => void;
}

export function syncUrlOf(serverUrl: string): string {
  const url = new URL(serverUrl);
  if (url.protocol === 'http:') url.protocol = 'ws:';
  else if (url.protocol === 'https:') url.protocol = 'wss:';
  else if (url.protocol !== 'ws:' && url.protocol !== 'wss:') throw new Error(`the team server address must start with https:// or http://, not ${url.protocol}`);
  url.pathname = SYNC_PATH;
  url.search = '';
  url.username = '';
  url.password = '';
  return url.toString();
}

/**
 * Connects a local Repo to a team server. Unlike the stock WebSocketClientAdapter it sends the
 * personal key in a header (never in the address, so it is in no log), and it never throws from
 * a socket event: a refused key, a reset connection or a killed server only mean "try again
 * later", while the app keeps working on its local copy.
 */
export class TeamClientAdapter extends NetworkAdapter {
  readonly #url: string;
  readonly #options: TeamClientOptions;
  #socket: WebSocket | undefined;
  #remotePeerId: PeerId | undefined;
  #retry: NodeJS.Timeout | undefined;
  #stopped = false;
  #ready = false;
  #resolveReady: () => void = () => undefined;
  readonly #readyPromise = new Promise<void>((resolve) => (this.#resolveReady = resolve));
  #lastRefusal = '';
  #member: Omit<MemberInfo, 'type'> | undefined;

  constructor(options: TeamClientOptions) {
    super();
    this.#options = options;
    this.#url = syncUrlOf(options.serverUrl);
  }

  isReady(): boolean {
    return this.#ready;
  }

  whenReady(): Promise<void> {
    return this.#readyPromise;
  }

  /** What the server said this key may do (role, municipalities), once connected. */
  get member(): Omit<MemberInfo, 'type'> | undefined {
    return this.#member;
  }

  /** True while a server peer is connected. */
  get connected(): boolean {
    return this.#remotePeerId !== undefined;
  }

  #markReady(): void {
    if (this.#ready) return;
    this.#ready = true;
    this.#resolveReady();
  }

  connect(peerId: PeerId, peerMetadata?: PeerMetadata): void {
    this.peerId = peerId;
    this.peerMetadata = peerMetadata ?? {};
    this.#stopped = false;
    this.#open();
    // Offline is a normal state: the repo must not wait for the server before loading local documents.
    setTimeout(() => this.#markReady(), 1000).unref();
  }

  #open(): void {
    if (this.#stopped) return;
    const socket = new WebSocket(this.#url, {
      headers: { [KEY_HEADER]: this.#options.key },
      ...(this.#options.ca === undefined ? {} : { ca: this.#options.ca }),
      maxPayload: 64 * 1024 * 1024,
    });
    socket.binaryType = 'arraybuffer';
    this.#socket = socket;
    socket.on('open', () => {
      this.#lastRefusal = '';
      this.#sendRaw({ type: 'join', senderId: this.peerId, peerMetadata: this.peerMetadata, supportedProtocolVersions: ['1'] });
    });
    socket.on('message', (data: ArrayBuffer | Buffer) => this.#receive(data));
    socket.on('unexpected-response', (_req, res) => {
      const reason = res.statusCode === 401 ? 'the team server refused the key (wrong, missing or removed)' : `the team server answered ${res.statusCode ?? '?'}`;
      if (reason !== this.#lastRefusal) this.#options.onRefused?.(reason);
      this.#lastRefusal = reason;
      res.resume();
      socket.terminate();
    });
    socket.on('error', () => undefined); // Followed by 'close', which schedules the retry.
    socket.on('close', () => {
      if (this.#socket !== socket) return;
      this.#socket = undefined;
      this.#lostServer();
      this.#scheduleRetry();
    });
  }

  #scheduleRetry(): void {
    if (this.#stopped || this.#retry) return;
    this.#retry = setTimeout(() => {
      this.#retry = undefined;
      this.#open();
    }, this.#options.retryMs ?? 2000);
  }

  #lostServer(): void {
    if (this.#remotePeerId === undefined) return;
    const peerId = this.#remotePeerId;
    this.#remotePeerId = undefined;
    this.emit('peer-disconnected', { peerId });
  }

  #receive(data: ArrayBuffer | Buffer): void {
    let message: { type?: unknown; senderId?: unknown; peerMetadata?: PeerMetadata; message?: unknown };
    try {
      message = cbor.decode(new Uint8Array(data as ArrayBuffer)) as typeof message;
    } catch {
      return;
    }
    if (typeof message !== 'object' || message === null) return;
    if (message.type === 'peer' && typeof message.senderId === 'string') {
      this.#remotePeerId = message.senderId as PeerId;
      this.#markReady();
      this.emit('peer-candidate', { peerId: message.senderId as PeerId, peerMetadata: message.peerMetadata ?? {} });
    } else if (message.type === MEMBER_MESSAGE) {
      const info = message as Partial<MemberInfo>;
      if ((info.role !== 'editor' && info.role !== 'viewer') || !Array.isArray(info.municipalities) || !info.municipalities.every((m) => typeof m === 'string')) return;
      this.#member = { role: info.role, municipalities: info.municipalities };
      this.#options.onMember?.(this.#member);
    } else if (message.type === 'error') {
      this.#options.onRefused?.(typeof message.message === 'string' ? message.message : 'the team server closed the connection');
    } else if (this.#remotePeerId !== undefined) {
      this.emit('message', message as Message);
    }
  }

  #sendRaw(message: unknown): void {
    const socket = this.#socket;
    if (socket?.readyState !== WebSocket.OPEN) return;
    socket.send(cbor.encode(message));
  }

  send(message: Message): void {
    // While offline, sync messages are dropped: the repo resends what is missing on reconnection.
    this.#sendRaw(message);
  }

  disconnect(): void {
    this.#stopped = true;
    clearTimeout(this.#retry);
    this.#retry = undefined;
    const socket = this.#socket;
    this.#socket = undefined;
    socket?.close();
    this.#lostServer();
  }
}
