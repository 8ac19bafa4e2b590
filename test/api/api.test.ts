import { beforeEach, describe, expect, it } from 'vitest';
import { ApiCallError, createApiClient, type ApiClient } from '../../src/api/client';
import { contract } from '../../src/api/contract';
import { dispatch, type Handlers } from '../../src/api/dispatch';
import { METHODS } from '../../src/api/methods';
import { createHandlers } from '../../src/backend/handlers';
import { loadPacks } from '../../src/backend/packs/fs-packs';
import { WorkspaceService } from '../../src/backend/service';
import { serializeMunicipality } from '../../src/core/schema/validate-municipality';
import { testClock } from '../helpers/workspace';
import { MemoryStorage } from './memory-storage';

let storage: MemoryStorage;
let handlers: Handlers;
let client: ApiClient;
const logged: unknown[] = [];

beforeEach(async () => {
  const { env } = testClock();
  storage = new MemoryStorage(env.now);
  const { packs } = await loadPacks();
  const service = new WorkspaceService(storage, packs, env, () => Promise.reject(new Error('no PDF in api tests')));
  handlers = createHandlers(service, { edition: 'browser', version: 'test' });
  logged.length = 0;
  client = createApiClient((method, input) => dispatch(handlers, method, input, (e) => logged.push(e)));
});

/** The error a call fails with, as the UI receives it. */
async function failure(call: Promise<unknown>): Promise<ApiCallError> {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiCallError);
  return error as ApiCallError;
}

describe('the api contract', () => {
  it('names every method once, each with an input and an output schema and a handler', () => {
    expect(Object.keys(contract).sort()).toEqual([...METHODS].sort());
    expect(Object.keys(handlers).sort()).toEqual([...METHODS].sort());
  });
});

describe('a municipality through the api client, as the UI uses it', () => {
  it('is created, edited, listed, exported, re-imported, deleted and restored', async () => {
    const created = await client.call('municipality.create', { name: 'Lemvig Kommune', packId: 'familieraadslagning' });
    const edited = await client.call('municipality.applyEdits', {
      id: created.id,
      baseRevision: 0,
      edits: [{ type: 'setStatus', itemId: 'lokaler', status: 'in_place' }],
    });
    expect(edited.revision).toBe(1);
    const [summary] = await client.call('municipality.list', {});
    expect(summary).toMatchObject({ id: created.id, name: 'Lemvig Kommune' });
    expect(summary!.overall).toBeGreaterThan(0);

    const exported = await client.call('municipality.export', { id: created.id });
    const copy = await client.call('municipality.import', { fileName: exported.fileName, text: exported.text });
    expect(copy.id).not.toBe(created.id);
    expect(copy.items.find((i) => i.id === 'lokaler')?.status).toBe('in_place');

    await client.call('municipality.delete', { id: created.id });
    expect((await client.call('municipality.trash', {})).map((t) => t.name)).toEqual(['Lemvig Kommune']);
    await client.call('municipality.restore', { id: created.id });
    expect((await client.call('municipality.open', { id: created.id })).file.revision).toBe(1);
  });

  it('refuses a save based on an older revision with a conflict, and keeps the newer save', async () => {
    const { id } = await client.call('municipality.create', { name: 'Holstebro Kommune', packId: 'familieraadslagning' });
    const { file } = await client.call('municipality.open', { id });
    await client.call('municipality.save', { file: { ...file, name: 'Holstebro Kommune (vindue A)' }, baseRevision: 0 });
    const stale = await failure(client.call('municipality.save', { file: { ...file, name: 'Holstebro Kommune (vindue B)' }, baseRevision: 0 }));
    expect(stale.code).toBe('conflict');
    expect((await client.call('municipality.open', { id })).file.name).toBe('Holstebro Kommune (vindue A)');
  });

  it('applies a batch of edits all or nothing: one bad edit leaves the file unchanged', async () => {
    const { id } = await client.call('municipality.create', { name: 'Struer Kommune', packId: 'familieraadslagning' });
    const bad = await failure(
      client.call('municipality.applyEdits', {
        id,
        baseRevision: 0,
        edits: [
          { type: 'setStatus', itemId: 'lokaler', status: 'in_place' },
          { type: 'setStatus', itemId: 'findes-ikke', status: 'in_place' },
        ],
      }),
    );
    expect(bad.code).toBe('invalid_input');
    const { file } = await client.call('municipality.open', { id });
    expect(file.revision).toBe(0);
    expect(file.items.find((i) => i.id === 'lokaler')?.status).toBe('not_started');
  });

  it('imports nothing from an invalid file and says which field is wrong', async () => {
    const { id } = await client.call('municipality.create', { name: 'Skive Kommune', packId: 'familieraadslagning' });
    const { file } = await client.call('municipality.open', { id });
    const broken = serializeMunicipality(file).replace('"status": "not_started"', '"status": "done"');
    const refused = await failure(client.call('municipality.import', { fileName: 'skive.json', text: broken }));
    expect(refused.code).toBe('invalid_file');
    expect(refused.error.issues?.[0]?.field).toMatch(/status/);
    expect(storage.files.size).toBe(1);
  });
});

describe('the portfolio', () => {
  it('without a pack named is the first listed pack\'s, as the portfolio screen opens with', async () => {
    await client.call('municipality.create', { name: 'Viborg Kommune', packId: 'familieraadslagning' });
    const [first] = await client.call('packs.list', {});
    const unnamed = await client.call('portfolio.get', { anonymise: false });
    expect(unnamed.pack.id).toBe(first?.id);
    expect(unnamed).toEqual(await client.call('portfolio.get', { packId: first!.id, anonymise: false }));
    expect(unnamed.municipalities.map((m) => m.name)).toContain('Viborg Kommune');
  });
});

describe('dispatch', () => {
  it('rejects unknown methods and invalid input with a code and the field, never a thrown error', async () => {
    expect(await dispatch(handlers, 'municipality.format', {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect(await dispatch(handlers, 'municipality.create', { name: '', packId: 'familieraadslagning' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ field: 'name' }] },
    });
    expect(await dispatch(handlers, 'municipality.open', { id: '../../etc/passwd' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await dispatch(handlers, 'municipality.list', { extra: true })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('turns an unexpected failure into an internal error that names the call, and logs it', async () => {
    const broken: Handlers = { ...handlers, 'packs.list': () => Promise.reject(new Error('disk on fire')) };
    const reply = await dispatch(broken, 'packs.list', {}, (e) => logged.push(e));
    expect(reply).toMatchObject({ ok: false, error: { code: 'internal', message: 'packs.list failed unexpectedly: disk on fire' } });
    expect(logged).toHaveLength(1);
  });

  it('refuses to pass on a result that breaks the contract', async () => {
    const broken: Handlers = { ...handlers, 'packs.list': () => [{ id: 'x' }] as unknown as ReturnType<Handlers['packs.list']> };
    expect(await dispatch(broken, 'packs.list', {}, (e) => logged.push(e))).toMatchObject({
      ok: false,
      error: { code: 'internal', message: expect.stringMatching(/breaks the api contract/) },
    });
  });
});

describe('the client', () => {
  it('refuses an answer that is not a response, or whose result breaks the contract', async () => {
    const garbage = createApiClient(() => Promise.resolve('<html>proxy error</html>'));
    expect((await failure(garbage.call('packs.list', {}))).message).toMatch(/unreadable answer/);
    const wrong = createApiClient(() => Promise.resolve({ ok: true, result: [{ id: 1 }] }));
    expect((await failure(wrong.call('packs.list', {}))).message).toMatch(/does not match the contract/);
  });
});
