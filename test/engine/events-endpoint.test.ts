import { afterAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../src/backend/handlers';
import { engineOf } from '../../src/backend/engine/registry';
import { openWorkspace } from '../../src/backend/workspace';
import { startWebServer, TOKEN_HEADER, type RunningServer } from '../../src/web/server';
import { tempFolder } from './helpers';

const stops: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const stop of stops.reverse()) await stop();
});

describe('the browser edition pushes changes on /api/events', { timeout: 60_000 }, () => {
  it('refuses a request without the token and tells a page with it which municipality changed', async () => {
    const service = await openWorkspace({ location: await tempFolder(), engine: { watchFolder: false }, warn: () => undefined });
    const engine = engineOf(service)!;
    stops.push(() => engine.close());
    const server: RunningServer = await startWebServer({ handlers: createHandlers(service, { edition: 'browser', version: 't' }), log: () => undefined, events: (push) => engine.subscribe(push) });
    stops.push(() => server.close());
    expect((await fetch(`${server.url}api/events`)).status).toBe(401);
    const { id, items } = await service.createSample();
    const controller = new AbortController();
    const response = await fetch(`${server.url}api/events`, { headers: { [TOKEN_HEADER]: server.token }, signal: controller.signal });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    await engine.applyEdits(id, [{ type: 'setOwner', itemId: items[0]!.id, owner: 'Ny' }], 'Anne');
    let text = '';
    while (!text.includes(`"id":"${id}"`)) text += (await reader.read()).value ?? '';
    controller.abort();
    expect(text).toContain('"type":"municipality"');
  });
});
