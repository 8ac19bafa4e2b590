import { mkdtemp, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../src/backend/handlers';
import { removeMember } from '../../src/backend/team/members';
import { readOnlyHandlers } from '../../src/backend/team/read-only-handlers';
import { startTeamServer, type RunningTeamServer } from '../../src/backend/team/server';
import { createViewer } from '../../src/backend/team/viewer';
import { startWebServer, TOKEN_HEADER } from '../../src/web/server';
import { tempWorkspace, testClock } from '../helpers/workspace';
import { member } from './helpers';

let server: RunningTeamServer;
let viewer: ReturnType<typeof createViewer>;
let workspace: string;
let limitedKey: string;
let allKey: string;
const ids: string[] = [];

beforeAll(async () => {
  const ws = await tempWorkspace(testClock().env);
  workspace = ws.location;
  ids.push((await ws.service.create('Aarhus Kommune', 'familieraadslagning')).id, (await ws.service.create('Odense Kommune', 'familieraadslagning')).id);
  limitedKey = await member(workspace, 'Ledelsen i Aarhus', 'viewer', [ids[0]!]);
  allKey = await member(workspace, 'Konsulent', 'editor');
  const staticDir = await mkdtemp(path.join(tmpdir(), 'milepael-static-'));
  await writeFile(path.join(staticDir, 'index.html'), '<!doctype html><title>Milepæl</title>');
  const handlers = createHandlers(ws.service, { edition: 'browser', version: 'test' });
  const web: { viewer?: ReturnType<typeof createViewer> } = {};
  server = await startTeamServer({ workspace, log: () => undefined, web: (req, res) => web.viewer?.handle(req, res) });
  viewer = createViewer({
    members: server.members,
    secure: false,
    tokenHeader: TOKEN_HEADER,
    startViewer: async (m) => {
      const running = await startWebServer({ handlers: readOnlyHandlers(handlers, m), staticDir, log: () => undefined });
      return { port: running.port, token: running.token, close: running.close };
    },
  });
  web.viewer = viewer;
});
afterAll(async () => {
  await viewer.close();
  await server.close();
});

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function send(pathname: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path: pathname, method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

async function login(key: string): Promise<string> {
  const reply = await send(`/?key=${encodeURIComponent(key)}`);
  expect(reply.status).toBe(303);
  const cookie = String(reply.headers['set-cookie']);
  return cookie.split(';')[0]!;
}

const api = (method: string, body: unknown, cookie: string, headers: Record<string, string> = {}) =>
  send(`/api/${method}`, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json', cookie, ...headers } });

describe('the read-only browser UI on the team server', { timeout: 30_000 }, () => {
  it('turns the key in the address into an HttpOnly SameSite=Strict cookie and drops the key from the address', async () => {
    const reply = await send(`/plan?key=${encodeURIComponent(limitedKey)}&x=1`);
    expect(reply.status).toBe(303);
    expect(reply.headers.location).toBe('/plan?x=1');
    expect(String(reply.headers['set-cookie'])).toMatch(/^milepael_team=[\w-]{43}; HttpOnly; SameSite=Strict; Path=\//);
    expect(String(reply.headers['set-cookie'])).not.toContain(limitedKey);
  });

  it('refuses a wrong key, no cookie, a made-up cookie and another site (Origin)', async () => {
    expect((await send(`/?key=mpk_${'x'.repeat(43)}`)).status).toBe(401);
    expect((await send('/')).status).toBe(401);
    expect((await api('municipality.list', {}, 'milepael_team=made-up')).status).toBe(401);
    const cookie = await login(allKey);
    expect((await api('municipality.list', {}, cookie, { origin: 'https://evil.example' })).status).toBe(403);
  });

  it('shows the app and only the municipalities the member may see', async () => {
    const cookie = await login(limitedKey);
    const page = await send('/', { headers: { cookie } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Milepæl</title>');
    const list = JSON.parse((await api('municipality.list', {}, cookie)).body) as { ok: boolean; result: Array<{ id: string; name: string }> };
    expect(list.result.map((m) => m.name)).toEqual(['Aarhus Kommune']);
    expect(JSON.parse((await api('municipality.open', { id: ids[0] }, cookie)).body)).toMatchObject({ ok: true });
    expect(JSON.parse((await api('municipality.open', { id: ids[1] }, cookie)).body)).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const plan = JSON.parse((await api('plan.export', { id: ids[0], format: 'md' }, cookie)).body) as { ok: boolean; result: { fileName: string } };
    expect(plan.ok).toBe(true);
    expect(JSON.parse((await api('portfolio.get', { packId: 'familieraadslagning' }, cookie)).body)).toMatchObject({ ok: false });
  });

  it('refuses every change, with a message in Danish first', async () => {
    const cookie = await login(allKey);
    const opened = JSON.parse((await api('municipality.open', { id: ids[0] }, cookie)).body) as { result: { file: { revision: number; name: string } } };
    const calls: Array<[string, unknown]> = [
      ['municipality.rename', { id: ids[0], name: 'Omdøbt', baseRevision: opened.result.file.revision }],
      ['municipality.create', { name: 'Ny Kommune', packId: 'familieraadslagning' }],
      ['municipality.delete', { id: ids[1] }],
    ];
    for (const [method, input] of calls) {
      const answer = await api(method, input, cookie);
      const reply = JSON.parse(answer.body) as { ok: boolean; error: { code: string; message: string } };
      expect(answer.status).toBe(403);
      expect(reply.error.code).toBe('read_only');
      expect(reply.error.message).toMatch(/^Teamserveren viser kun/);
    }
    const after = JSON.parse((await api('municipality.list', {}, cookie)).body) as { result: Array<{ name: string }> };
    expect(after.result.map((m) => m.name).sort()).toEqual(['Aarhus Kommune', 'Odense Kommune']);
  });

  it('ends the session of a member who is removed', async () => {
    const key = await member(workspace, 'Vikar', 'viewer');
    await server.members.reload();
    const cookie = await login(key);
    expect((await api('municipality.list', {}, cookie)).status).toBe(200);
    await removeMember(workspace, 'Vikar');
    await server.members.reload();
    expect((await api('municipality.list', {}, cookie)).status).toBe(401);
  });
});
