import { request } from 'node:http';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { networkInterfaces, tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../src/backend/handlers';
import { startWebServer, TOKEN_HEADER, type RunningServer } from '../../src/web/server';
import { tempWorkspace, testClock } from '../helpers/workspace';

let server: RunningServer;
/** A file next to the UI folder: what a path-traversal attack would try to read. */
let secretName: string;

beforeAll(async () => {
  const { service } = await tempWorkspace(testClock().env);
  const staticDir = await mkdtemp(path.join(tmpdir(), 'milepael-static-'));
  await writeFile(path.join(staticDir, 'index.html'), '<!doctype html><title>Milepæl</title>');
  await mkdir(path.join(staticDir, 'assets'));
  await writeFile(path.join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  secretName = `${path.basename(staticDir)}-secret.txt`;
  await writeFile(path.join(staticDir, '..', secretName), 'root:x:0:0:secret');
  server = await startWebServer({ handlers: createHandlers(service, { edition: 'browser', version: 'test' }), staticDir, log: () => undefined });
});
afterAll(async () => {
  await server.close();
  await rm(path.join(tmpdir(), secretName), { force: true });
});

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function send(pathname: string, options: { method?: string; headers?: Record<string, string>; body?: string; host?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: options.host ?? '127.0.0.1', port: server.port, path: pathname, method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const api = (method: string, body: unknown, headers: Record<string, string> = {}) =>
  send(`/api/${method}`, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json', [TOKEN_HEADER]: server.token, ...headers } });

describe('the browser edition refuses', () => {
  it('an api call without the token (401) or with a wrong one', async () => {
    const none = await send('/api/municipality.list', { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
    expect(none.status).toBe(401);
    expect(JSON.parse(none.body)).toMatchObject({ ok: false, error: { message: expect.stringMatching(/access token/) } });
    expect((await api('municipality.list', {}, { [TOKEN_HEADER]: 'guess' })).status).toBe(401);
  });

  it('a request with a foreign Host header (DNS rebinding) with 403, even with the token', async () => {
    const reply = await api('municipality.list', {}, { host: `evil.example:${server.port}` });
    expect(reply.status).toBe(403);
    expect((await send('/', { headers: { host: 'milepael.attacker.test' } })).status).toBe(403);
  });

  it('a request from a foreign Origin with 403', async () => {
    expect((await api('municipality.list', {}, { origin: 'https://evil.example' })).status).toBe(403);
    expect((await api('municipality.list', {}, { origin: `http://localhost:${server.port}` })).status).toBe(200);
  });

  it('an invalid payload with 400 and the validation message', async () => {
    const reply = await api('municipality.create', { name: '', packId: 'familieraadslagning' });
    expect(reply.status).toBe(400);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'invalid_input', message: 'invalid input for municipality.create: name: must not be empty' } });
    const notJson = await send('/api/municipality.list', { method: 'POST', body: '{', headers: { 'content-type': 'application/json', [TOKEN_HEADER]: server.token } });
    expect(notJson.status).toBe(400);
  });

  it('unknown methods (404), GET on the api (405) and paths outside the UI folder (404)', async () => {
    expect((await api('municipality.format', {})).status).toBe(404);
    expect((await send('/api/municipality.list', { headers: { [TOKEN_HEADER]: server.token } })).status).toBe(405);
    expect((await send('/../../etc/passwd')).body).not.toContain('root:');
    expect((await send('/assets/missing.js')).status).toBe(404);
  });
});

describe('the browser edition serves', () => {
  it('valid calls: create, edit, list', async () => {
    const created = JSON.parse((await api('municipality.create', { name: 'Næstved Kommune', packId: 'familieraadslagning' })).body) as { ok: true; result: { id: string } };
    const edited = await api('municipality.applyEdits', { id: created.result.id, baseRevision: 0, edits: [{ type: 'setStatus', itemId: 'lokaler', status: 'in_place' }] });
    expect(edited.status).toBe(200);
    const list = JSON.parse((await api('municipality.list', {})).body) as { result: Array<{ name: string; overall: number }> };
    expect(list.result).toEqual([expect.objectContaining({ name: 'Næstved Kommune', overall: (2 * 100) / 34 /* milestones only (issue 12), earned × 100 ÷ possible */ })]);
    const conflict = await api('municipality.applyEdits', { id: created.result.id, baseRevision: 0, edits: [{ type: 'setStatus', itemId: 'lokaler', status: 'in_place' }] });
    expect(conflict.status).toBe(409);
  });

  it('the UI with a strict Content-Security-Policy, and the app for client-side routes', async () => {
    const index = await send('/');
    expect(index.status).toBe(200);
    expect(index.body).toContain('<title>Milepæl</title>');
    expect(index.headers['content-security-policy']).toContain("script-src 'self'");
    expect((await send('/kommune/abc')).body).toContain('<title>Milepæl</title>');
    expect((await send('/assets/app.js')).headers['content-type']).toMatch(/javascript/);
  });

  it('only on 127.0.0.1', async () => {
    const others = Object.values(networkInterfaces()).flat().filter((i) => i && i.family === 'IPv4' && !i.internal);
    for (const other of others) await expect(send('/', { host: other!.address })).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    await expect(send('/', { host: '127.0.0.2' })).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });
});

describe('paths outside the UI folder (issue 15, point 9)', () => {
  const encodings = (name: string) => [
    `/..%2f${name}`,
    `/assets/..%2f..%2f${name}`,
    `/%2e%2e/${name}`,
    `/%2e%2e%2f${name}`,
    `/assets/%2e%2e%2f%2e%2e%2f${name}`,
    `/..%5c${name}`,
    `/%252e%252e%252f${name}`,
    `/..%252f${name}`,
    `/%2e%2e%2f..%2f..%2f..%2f..%2f..%2f..%2fetc%2fpasswd`,
  ];

  it('are refused however the dots and slashes are encoded, once or twice', async () => {
    for (const attack of encodings(secretName)) {
      const reply = await send(attack);
      expect(reply.status, attack).toBe(404);
      expect(reply.body, attack).not.toContain('root:');
    }
  });

  it('a malformed percent-encoding gets 400, not a 500 with details', async () => {
    for (const broken of ['/%E0%A4%A', '/%', '/assets/%zz.js', '/kommune/%E0%A4%A']) {
      const reply = await send(broken);
      expect(reply.status, broken).toBe(400);
      expect(reply.body, broken).not.toMatch(/ at |URIError|\.ts:/);
    }
  });
});


describe('bookmarks and new tabs (issue 13, point 4)', () => {
  it('the first visit with the printed address stores the token in an HttpOnly, SameSite=Strict, host-only cookie', async () => {
    const first = await send(`/?token=${server.token}`);
    const cookie = String(first.headers['set-cookie'] ?? '');
    expect(cookie).toContain(`=${server.token}`);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).not.toMatch(/Domain=/i);
    const pair = cookie.split(';')[0]!;
    const reply = await send('/api/municipality.list', { method: 'POST', body: '{}', headers: { 'content-type': 'application/json', cookie: pair } });
    expect(reply.status).toBe(200);
  });

  it('sets no cookie for a wrong token, and refuses a cookie named for another port or holding another token', async () => {
    expect((await send('/?token=guess')).headers['set-cookie']).toBeUndefined();
    expect((await send('/')).headers['set-cookie']).toBeUndefined();
    for (const cookie of [`milepael-token-1=${server.token}`, `milepael-token-${server.port}=guess`]) {
      const reply = await send('/api/municipality.list', { method: 'POST', body: '{}', headers: { 'content-type': 'application/json', cookie } });
      expect(reply.status, cookie).toBe(401);
    }
  });

  it('says plainly that access is missing, with its own error code, rather than "invalid input"', async () => {
    const reply = await send('/api/municipality.list', { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'no_access', message: expect.stringMatching(/printed when it started/) } });
  });
});
