import { randomBytes } from 'node:crypto';
import { request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { LiveMembers } from './live-members';
import { memberForKey, type Member } from './members';

/** A read-only browser edition for one member, listening on 127.0.0.1 behind the team server. */
export interface MemberViewer {
  port: number;
  token: string;
  close(): Promise<void>;
}

export interface ViewerOptions {
  members: LiveMembers;
  /** Starts the browser edition's server with read-only handlers for this member. */
  startViewer(member: () => Member): Promise<MemberViewer>;
  /** Served over TLS: the session cookie is then marked Secure. */
  secure: boolean;
  /** The header the browser edition expects its token in. */
  tokenHeader: string;
}

const COOKIE = 'milepael_team';
const SESSION_HOURS = 12;

const page = (res: ServerResponse, status: number, danish: string, english: string) => {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer' });
  res.end(`<!doctype html><html lang="da"><meta charset="utf-8"><title>Milepæl</title><body style="font-family:sans-serif;max-width:40em;margin:4em auto"><h1>Milepæl</h1><p>${danish}</p><p lang="en">${english}</p></body></html>`);
};

function cookieValue(req: IncomingMessage): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === COOKIE) return value.join('=');
  }
  return undefined;
}

/**
 * The team server's read-only browser UI. The personal key comes once in the address
 * (`/?key=…`); it is exchanged for an HttpOnly, SameSite=Strict session cookie and removed from
 * the address at once. Each member gets their own browser-edition server on 127.0.0.1 with
 * read-only handlers, and requests are passed to it with its token; the key never reaches it.
 */
export function createViewer(options: ViewerOptions) {
  const sessions = new Map<string, { keyHash: string; expires: number }>();
  const viewers = new Map<string, Promise<MemberViewer>>();

  const currentMember = (keyHash: string) => options.members.current().find((m) => m.keyHash === keyHash) ?? null;

  options.members.onChange(() => {
    for (const [keyHash, viewer] of viewers) {
      if (currentMember(keyHash) !== null) continue;
      viewers.delete(keyHash);
      void viewer.then((v) => v.close());
    }
    for (const [id, session] of sessions) if (currentMember(session.keyHash) === null) sessions.delete(id);
  });

  function viewerFor(member: Member): Promise<MemberViewer> {
    let viewer = viewers.get(member.keyHash);
    if (!viewer) {
      viewer = options.startViewer(() => currentMember(member.keyHash) ?? member);
      viewers.set(member.keyHash, viewer);
    }
    return viewer;
  }

  function login(req: IncomingMessage, res: ServerResponse, url: URL): void {
    const member = memberForKey(options.members.current(), url.searchParams.get('key') ?? undefined);
    if (member === null) return page(res, 401, 'Nøglen i adressen virker ikke. Bed den, der driver teamserveren, om en ny.', 'The key in the address does not work. Ask whoever runs the team server for a new one.');
    const id = randomBytes(32).toString('base64url');
    sessions.set(id, { keyHash: member.keyHash, expires: Date.now() + SESSION_HOURS * 3600_000 });
    url.searchParams.delete('key');
    const secure = options.secure ? '; Secure' : '';
    res.writeHead(303, {
      location: url.pathname + url.search,
      'set-cookie': `${COOKIE}=${id}; HttpOnly; SameSite=Strict; Path=/; Max-Age=${SESSION_HOURS * 3600}${secure}`,
      'cache-control': 'no-store',
      'referrer-policy': 'no-referrer',
    });
    res.end();
  }

  function sameOrigin(req: IncomingMessage): boolean {
    const origin = req.headers.origin;
    if (origin === undefined) return true;
    return origin === `${options.secure ? 'https' : 'http'}://${req.headers.host ?? ''}`;
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://team.invalid');
    if (url.searchParams.has('key')) return login(req, res, url);
    if (!sameOrigin(req)) return page(res, 403, 'Forespørgslen kom fra en anden side og blev afvist.', 'The request came from another site and was refused.');
    const sessionId = cookieValue(req);
    const session = sessionId === undefined ? undefined : sessions.get(sessionId);
    const member = session && session.expires > Date.now() ? currentMember(session.keyHash) : null;
    if (!member) {
      if (sessionId !== undefined) sessions.delete(sessionId);
      return page(res, 401, 'Åbn Milepæl med det link med din personlige nøgle, som du har fået af den, der driver teamserveren.', 'Open Milepæl with the link containing your personal key.');
    }
    const viewer = await viewerFor(member);
    const headers = { ...req.headers, host: `127.0.0.1:${viewer.port}`, [options.tokenHeader]: viewer.token };
    delete headers.origin;
    delete headers.cookie;
    await new Promise<void>((resolve) => {
      const upstream = request({ host: '127.0.0.1', port: viewer.port, method: req.method, path: url.pathname + url.search, headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
        answer.on('end', resolve);
      });
      upstream.on('error', () => {
        if (!res.headersSent) page(res, 502, 'Milepæl svarede ikke. Prøv igen om lidt.', 'Milepæl did not answer. Try again shortly.');
        resolve();
      });
      req.pipe(upstream);
    });
  }

  return {
    handle: (req: IncomingMessage, res: ServerResponse) => {
      handle(req, res).catch(() => {
        if (!res.headersSent) page(res, 500, 'Der skete en fejl på teamserveren.', 'The team server failed.');
        else res.end();
      });
    },
    close: async () => {
      for (const viewer of viewers.values()) await (await viewer).close();
      viewers.clear();
    },
  };
}
