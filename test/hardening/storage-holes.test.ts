import { CURRENT_SCHEMA_VERSION } from '../../src/core/schema/municipality';
import type * as FsPromises from 'node:fs/promises';
import { mkdir, mkdtemp, readdir, readFile, symlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { dispatch } from '../../src/api/dispatch';
import { createHandlers } from '../../src/backend/handlers';
import { openWorkspace } from '../../src/backend/workspace';
import { tempWorkspace, testClock } from '../helpers/workspace';

/** Lets a test make the next filesystem writes fail the way a full disk or a read-only share does. */
const failWrites = vi.hoisted(() => ({ code: null as string | null }));
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof FsPromises>();
  const refuse = (name: string) => {
    const error = Object.assign(new Error(`${failWrites.code}: simulated, ${name}`), { code: failWrites.code });
    return Promise.reject(error);
  };
  const guarded =
    <A extends unknown[], R>(name: string, fn: (...args: A) => Promise<R>) =>
    (...args: A): Promise<R> =>
      failWrites.code === null ? fn(...args) : refuse(name);
  const open: typeof real.open = (file, flags, mode) =>
    failWrites.code !== null && flags !== undefined && flags !== 'r' ? refuse('open') : real.open(file, flags, mode);
  const overrides = {
    open,
    copyFile: guarded('copyFile', real.copyFile),
    rename: guarded('rename', real.rename),
    mkdir: guarded('mkdir', real.mkdir),
    writeFile: guarded('writeFile', real.writeFile),
  };
  return { ...real, ...overrides, default: { ...real, ...overrides } };
});
afterEach(() => {
  failWrites.code = null;
});

const fileOf = (location: string, id: string) => path.join(location, 'municipalities', `${id}.json`);

async function withNewerSchema(location: string, id: string): Promise<string> {
  const text = await readFile(fileOf(location, id), 'utf8');
  const newer = text.replace(`"schemaVersion": ${CURRENT_SCHEMA_VERSION}`, '"schemaVersion": 99').replace('"revision": 0', '"revision": 7');
  await writeFile(fileOf(location, id), newer);
  return newer;
}

describe('a file written by a newer Milepæl (issue 15, point 1)', () => {
  it('is left in place on listing and opening, is refused with "update Milepæl", and no backup is restored over it', async () => {
    const { env, advance } = testClock();
    const { location, service } = await tempWorkspace(env);
    const { id } = await service.create('Nyere Kommune', 'familieraadslagning');
    advance(1000);
    await service.applyEdits(id, 0, [{ type: 'setNotes', itemId: 'lokaler', notes: 'et ældre ord' }]); // leaves a backup to roll back to
    const newer = await withNewerSchema(location, id);

    expect(await service.list()).toEqual([]);
    // Listed apart as unavailable, with the reason, so nobody thinks it was lost.
    expect(await service.listUnavailable()).toEqual([{ id, message: expect.stringMatching(/Update Milepæl/) }]);
    await expect(service.open(id)).rejects.toMatchObject({
      code: 'newer_version',
      message: expect.stringMatching(/newer version of Milepæl.*Update Milepæl/s),
    });
    await expect(service.applyEdits(id, 1, [{ type: 'setNotes', itemId: 'lokaler', notes: 'x' }])).rejects.toMatchObject({ code: 'newer_version' });
    expect(await readFile(fileOf(location, id), 'utf8')).toBe(newer);
    expect(await readdir(path.join(location, 'quarantine')).catch(() => [])).toEqual([]);
  });

  it('crosses the api as its own error code, so the screen can say "update Milepæl" rather than "damaged"', async () => {
    const { location, service } = await tempWorkspace(testClock().env);
    const { id } = await service.create('Nyere Kommune', 'familieraadslagning');
    await withNewerSchema(location, id);
    const reply = await dispatch(createHandlers(service, { edition: 'browser', version: 'test' }), 'municipality.open', { id }, () => undefined);
    expect(reply).toMatchObject({ ok: false, error: { code: 'newer_version' } });
  });
});

describe('importing a file from a newer Milepæl', () => {
  it('says "update Milepæl" with its own code rather than "not a valid file"', async () => {
    const { location, service } = await tempWorkspace(testClock().env);
    const { id } = await service.create('Nyere Kommune', 'familieraadslagning');
    const newer = await withNewerSchema(location, id);
    await expect(service.importFile(newer, 'nyere.json')).rejects.toMatchObject({ code: 'newer_version', message: expect.stringMatching(/Update Milepæl/) });
  });
});

describe('a read-only or full workspace (issue 15, point 4)', () => {
  it('still lists its municipalities when the index cache cannot be written', async () => {
    const { service } = await tempWorkspace(testClock().env);
    await service.create('Skrivebeskyttet Kommune', 'familieraadslagning');
    for (const code of ['EROFS', 'ENOSPC', 'EACCES']) {
      failWrites.code = code;
      const names = (await service.list()).map((m) => m.name);
      failWrites.code = null;
      expect(names).toEqual(['Skrivebeskyttet Kommune']);
    }
  });

  it('reports a save on a full disk or a read-only folder as a storage problem in plain words, and keeps the old file', async () => {
    const { location, service } = await tempWorkspace(testClock().env);
    const { id } = await service.create('Fuld Kommune', 'familieraadslagning');
    const before = await readFile(fileOf(location, id), 'utf8');
    const handlers = createHandlers(service, { edition: 'browser', version: 'test' });
    const cases = [
      { code: 'ENOSPC', words: /Disken er fuld/ },
      { code: 'EROFS', words: /skrivebeskyttet/ },
      { code: 'EACCES', words: /adgang/ },
    ];
    for (const { code, words } of cases) {
      failWrites.code = code;
      const reply = await dispatch(
        handlers,
        'municipality.applyEdits',
        { id, baseRevision: 0, edits: [{ type: 'setNotes', itemId: 'lokaler', notes: 'ny' }] },
        () => undefined,
      );
      failWrites.code = null;
      expect(reply).toMatchObject({ ok: false, error: { code: 'storage', message: expect.stringMatching(words) } });
      expect(await readFile(fileOf(location, id), 'utf8')).toBe(before);
    }
  });
});

describe('leftovers and outside files (issue 15, point 5)', () => {
  it('removes temporary files left by interrupted saves when the workspace is opened', async () => {
    const { location, service } = await tempWorkspace(testClock().env);
    const { id } = await service.create('Rest Kommune', 'familieraadslagning');
    const folder = path.join(location, 'municipalities');
    const old = new Date(Date.now() - 3_600_000);
    for (let n = 0; n < 13; n++) {
      const temp = path.join(folder, `.${id}.json.${1000 + n}.${Date.now()}.tmp`);
      await writeFile(temp, '{"half": ');
      await utimes(temp, old, old);
    }
    const reopened = await openWorkspace({ location, env: testClock().env, warn: () => undefined });
    expect((await reopened.list()).map((m) => m.id)).toEqual([id]);
    expect((await readdir(folder)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('opens a file saved with a byte order mark (Notepad) instead of quarantining it', async () => {
    const { location, service } = await tempWorkspace(testClock().env);
    const { id } = await service.create('Notesblok Kommune', 'familieraadslagning');
    await writeFile(fileOf(location, id), `\uFEFF${await readFile(fileOf(location, id), 'utf8')}`);
    const { file, recovery } = await service.open(id);
    expect(file.name).toBe('Notesblok Kommune');
    expect(recovery).toBeNull();
    const imported = await service.importFile(`\uFEFF${JSON.stringify({ ...file, id: 'fra-notesblok' })}`, 'notesblok.json');
    expect(imported.name).toBe('Notesblok Kommune');
  });

  it('does not write backups through a link that leads out of the workspace', async () => {
    const { env, advance } = testClock();
    const { location, service } = await tempWorkspace(env);
    const { id } = await service.create('Link Kommune', 'familieraadslagning');
    const outside = await mkdtemp(path.join(tmpdir(), 'milepael-outside-'));
    await mkdir(path.join(location, 'backups'), { recursive: true });
    await symlink(outside, path.join(location, 'backups', id));
    advance(1000);
    await expect(service.applyEdits(id, 0, [{ type: 'setNotes', itemId: 'lokaler', notes: 'x' }])).rejects.toMatchObject({ code: 'storage' });
    expect(await readdir(outside)).toEqual([]);
  });

  it('does not read a municipality file that is a link to a file outside the workspace, nor quote it', async () => {
    const { location } = await tempWorkspace(testClock().env);
    const outside = await mkdtemp(path.join(tmpdir(), 'milepael-outside-'));
    const secret = path.join(outside, 'passwd');
    await writeFile(secret, 'root:x:0:0:root:/root:/bin/bash\n');
    await mkdir(path.join(location, 'municipalities'), { recursive: true });
    await symlink(secret, fileOf(location, 'hemmelig'));
    const service = await openWorkspace({ location, env: testClock().env, warn: () => undefined });
    const reply = await dispatch(createHandlers(service, { edition: 'browser', version: 'test' }), 'municipality.open', { id: 'hemmelig' }, () => undefined);
    expect(reply.ok).toBe(false);
    expect(JSON.stringify(reply)).not.toContain('root:');
    expect(await readFile(secret, 'utf8')).toContain('root:x');
  });
});
