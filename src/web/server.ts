import { randomBytes } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { MAX_IMPORT_CHARS, type ApiErrorCode, type ApiResponse } from '../api/contract';
import { dispatch, type Handlers } from '../api/dispatch';
import { CONTENT_SECURITY_POLICY, cookieValue, isAllowedHost, isAllowedOrigin, tokenCookie, tokenCookieName, tokenMatches } from './security';

export const TOKEN_HEADER = 'x-milepael-token';
const MAX_BODY_BYTES = MAX_IMPORT_CHARS * 2;

const STATUS_OF: Record<ApiErrorCode, number> = {
  invalid_input: 400,
  unknown_method: 404,
  not_found: 404,
  conflict: 409,
  invalid_file: 422,
  newer_version: 422,
  no_access: 401,
  storage: 500,
  unavailable: 503,
  internal: 500,
  read_only: 403,
};

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export interface WebServerOptions {
  handlers: Handlers;
  /** The built UI (out/renderer); absent in api-only tests. */
  staticDir?: string;
  token?: string;
  log?: (error: unknown) => void;
  /** Pushes workspace events (another window's or app's change) to the page over /api/events. */
  events?: (push: (event: object) => void) => () => void;
}

export interface RunningServer {
  url: string;
  port: number;
  token: string;
  close: () => Promise<void>;
}

/** Sent with every response, the app's files and the api alike. */
const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'content-security-policy': CONTENT_SECURITY_POLICY,
} as const;

function send(res: ServerResponse, status: number, body: string, type = 'application/json; charset=utf-8'): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...SECURITY_HEADERS });
  res.end(body);
}

function sendError(res: ServerResponse, status: number, code: ApiErrorCode, message: string): void {
  const body: ApiResponse = { ok: false, error: { code, message } };
  send(res, status, JSON.stringify(body));
}

class BodyTooLarge extends Error {}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * The browser edition: the built UI and the api over HTTP on 127.0.0.1 only. Every api request
 * needs the per-run token; every request needs our own Host (and Origin, when a browser sends one).
 */
export async function startWebServer(options: WebServerOptions, port = 0): Promise<RunningServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const log = options.log ?? console.error;
  let actualPort = 0;

  /** The token in our header (the page that was opened with it) or in the cookie set on that visit (bookmarks, new tabs). */
  function hasAccess(req: IncomingMessage): boolean {
    const given = req.headers[TOKEN_HEADER];
    const fromHeader = Array.isArray(given) ? given[0] : given;
    return tokenMatches(fromHeader, token) || tokenMatches(cookieValue(req.headers.cookie, tokenCookieName(actualPort)), token);
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, method: string): Promise<void> {
    if (req.method !== 'POST') return sendError(res, 405, 'invalid_input', 'api calls must use POST');
    if (!hasAccess(req)) {
      return sendError(res, 401, 'no_access', 'missing or wrong access token: open Milepæl with the address printed when it started (it ends in ?token=…)');
    }
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return sendError(res, 415, 'invalid_input', 'api calls must send JSON');
    let raw: unknown;
    try {
      const text = await readBody(req);
      raw = text === '' ? {} : JSON.parse(text);
    } catch (error) {
      if (error instanceof BodyTooLarge) return sendError(res, 413, 'invalid_input', 'the request is larger than the 40 MB limit');
      return sendError(res, 400, 'invalid_input', 'the request body is not valid JSON');
    }
    const response = await dispatch(options.handlers, method, raw, log);
    send(res, response.ok ? 200 : STATUS_OF[response.error.code], JSON.stringify(response));
  }

  async function handleStatic(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'method not allowed', 'text/plain');
    if (options.staticDir === undefined) return send(res, 404, 'not found', 'text/plain');
    const root = path.resolve(options.staticDir);
    let decoded: string;
    try {
      decoded = decodeURIComponent(url.pathname);
    } catch {
      return send(res, 400, 'the address is not correctly encoded', 'text/plain');
    }
    let target = path.resolve(root, `.${decoded}`);
    if (!target.startsWith(root + path.sep) && target !== root) return send(res, 404, 'not found', 'text/plain');
    const info = await stat(target).catch(() => null);
    // Client-side routes (no file extension) get the app; missing assets get a 404.
    if (info === null || info.isDirectory()) {
      if (path.extname(target) !== '' && info === null) return send(res, 404, 'not found', 'text/plain');
      target = path.join(root, 'index.html');
    }
    const body = await readFile(target).catch(() => null);
    if (body === null) return send(res, 404, 'the UI is not built: run "npm run build" first', 'text/plain');
    const fromAddress = url.searchParams.get('token') ?? undefined;
    res.writeHead(200, {
      ...(tokenMatches(fromAddress, token) ? { 'set-cookie': tokenCookie(actualPort, token) } : {}),
      'content-type': TYPES[path.extname(target)] ?? 'application/octet-stream',
      'cache-control': target.endsWith('index.html') ? 'no-store' : 'public, max-age=31536000, immutable',
      ...SECURITY_HEADERS,
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  function handleEvents(req: IncomingMessage, res: ServerResponse, events: NonNullable<WebServerOptions['events']>): void {
    if (req.method !== 'GET') return sendError(res, 405, 'invalid_input', 'the event stream is read with GET');
    if (!hasAccess(req)) return sendError(res, 401, 'no_access', 'missing or wrong access token: open Milepæl with the address printed when it started (it ends in ?token=…)');
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', ...SECURITY_HEADERS });
    res.write(': ok\n\n');
    const stop = events((event) => res.write(`data: ${JSON.stringify(event)}\n\n`));
    // A comment now and then keeps proxies and sleeping laptops from dropping the stream unnoticed.
    const keepAlive = setInterval(() => res.write(': \n\n'), 25_000);
    req.on('close', () => {
      clearInterval(keepAlive);
      stop();
    });
  }

  const server: Server = createServer((req, res) => {
    if (!isAllowedHost(req.headers.host, actualPort)) return sendError(res, 403, 'invalid_input', 'foreign Host header refused');
    if (!isAllowedOrigin(req.headers.origin, actualPort)) return sendError(res, 403, 'invalid_input', 'foreign Origin refused');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/api/events' && options.events) return handleEvents(req, res, options.events);
    const work = url.pathname.startsWith('/api/') ? handleApi(req, res, url.pathname.slice('/api/'.length)) : handleStatic(req, res, url);
    work.catch((error: unknown) => {
      log(error);
      if (!res.headersSent) sendError(res, 500, 'internal', 'the server failed unexpectedly');
      else res.end();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  actualPort = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${actualPort}/`,
    port: actualPort,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
