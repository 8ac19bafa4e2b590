import { CURRENT_SCHEMA_VERSION } from '../../src/core/schema/municipality';
import { cp, mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupName, backupsToDelete } from '../../src/backend/storage/backup-rotation';
import { BackendError } from '../../src/backend/errors';
import { tempWorkspace, testClock } from '../helpers/workspace';
import { bundledContentDir } from '../../src/backend/packs/fs-packs';
import { openWorkspace } from '../../src/backend/workspace';

const fileOf = (location: string, id: string) => path.join(location, 'municipalities', `${id}.json`);

describe('saving and opening', () => {
  it('round-trips: what is saved is what reopens, with the revision raised', async () => {
    const { env } = testClock();
    const { service } = await tempWorkspace(env);
    const created = await service.create('Horsens Kommune', 'familieraadslagning');
    const saved = await service.applyEdits(created.id, 0, [
      { type: 'setStatus', itemId: 'lokaler', status: 'in_place' },
      { type: 'answerQuestion', itemId: 'lokaler', questionId: 'leje', answer: 'Nej – biblioteket er gratis' },
    ]);
    expect(saved.revision).toBe(1);
    const { file, recovery } = await service.open(created.id);
    expect(file).toEqual(saved);
    expect(recovery).toBeNull();
    expect(file.items.find((i) => i.id === 'lokaler')?.questions[1]?.answer).toBe('Nej – biblioteket er gratis');
  });

  it('refuses a save based on a stale revision with a conflict, and keeps the newer save', async () => {
    const { service } = await tempWorkspace(testClock().env);
    const { id } = await service.create('Viborg Kommune', 'familieraadslagning');
    await service.applyEdits(id, 0, [{ type: 'setOwner', itemId: 'lokaler', owner: 'Vindue A' }]);
    const stale = service.applyEdits(id, 0, [{ type: 'setOwner', itemId: 'lokaler', owner: 'Vindue B' }]);
    await expect(stale).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/changed elsewhere/) });
    expect((await service.open(id)).file.items.find((i) => i.id === 'lokaler')?.owner).toBe('Vindue A');
  });

  it('lets only one of two simultaneous saves of the same revision through', async () => {
    const { service } = await tempWorkspace(testClock().env);
    const { id } = await service.create('Skive Kommune', 'familieraadslagning');
    const results = await Promise.allSettled([
      service.applyEdits(id, 0, [{ type: 'setNotes', itemId: 'lokaler', notes: 'A' }]),
      service.applyEdits(id, 0, [{ type: 'setNotes', itemId: 'lokaler', notes: 'B' }]),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
  });

  it('detects a change made outside Milepæl by its revision', async () => {
    const { location, service } = await tempWorkspace(testClock().env);
    const { id } = await service.create('Thisted Kommune', 'familieraadslagning');
    const onDisk = JSON.parse(await readFile(fileOf(location, id), 'utf8')) as { revision: number; name: string };
    await writeFile(fileOf(location, id), JSON.stringify({ ...onDisk, name: 'Thisted (redigeret)', revision: 1 }));
    await expect(service.rename(id, 'Thisted Kommune 2', 0)).rejects.toMatchObject({ code: 'conflict' });
  });
});

describe('a damaged file', () => {
  it('is moved aside and the newest valid backup restored, with a message saying which', async () => {
    const clock = testClock();
    const { location, service } = await tempWorkspace(clock.env);
    const { id } = await service.create('Esbjerg Kommune', 'familieraadslagning');
    clock.advance(1000);
    await service.applyEdits(id, 0, [{ type: 'setStatus', itemId: 'lokaler', status: 'in_progress' }]);
    clock.advance(1000);
    await service.applyEdits(id, 1, [{ type: 'setStatus', itemId: 'lokaler', status: 'in_place' }]);
    const text = await readFile(fileOf(location, id), 'utf8');
    await writeFile(fileOf(location, id), text.slice(0, text.length / 2)); // a crash mid-write by another program
    clock.advance(1000);

    const { file, recovery } = await service.open(id);
    // The backup taken just before the last good save holds revision 1.
    expect(recovery?.restoredFrom).toBe(backupName(new Date('2026-11-22T10:00:02.000Z')));
    expect(recovery?.problems[0]?.message).toMatch(/not valid JSON/);
    expect(file.revision).toBe(1); // the last save before the damaged one
    const quarantined = await readdir(path.join(location, 'quarantine'));
    expect(quarantined).toHaveLength(1);
    expect(await readFile(path.join(location, 'quarantine', quarantined[0]!), 'utf8')).toBe(text.slice(0, text.length / 2));
    expect((await service.open(id)).recovery).toBeNull();
  });

  it('that parses but does not validate is treated the same way', async () => {
    const clock = testClock();
    const { location, service } = await tempWorkspace(clock.env);
    const { id } = await service.create('Lemvig Kommune', 'familieraadslagning');
    await service.applyEdits(id, 0, [{ type: 'setNotes', itemId: 'lokaler', notes: 'x' }]);
    const data = JSON.parse(await readFile(fileOf(location, id), 'utf8')) as { items: Array<{ status: string }> };
    data.items[0]!.status = 'done';
    await writeFile(fileOf(location, id), JSON.stringify(data));
    const { recovery } = await service.open(id);
    expect(recovery?.problems[0]?.field).toBe('items[0] (id "formaal-og-maalgruppe").status');
  });

  it('without any backup is quarantined and reported, never deleted', async () => {
    const { location, service } = await tempWorkspace(testClock().env);
    const { id } = await service.create('Fanø Kommune', 'familieraadslagning');
    await writeFile(fileOf(location, id), '{"schemaVersion": 1, "name": ');
    const error = await service.open(id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackendError);
    expect(error).toMatchObject({ code: 'invalid_file', message: expect.stringMatching(/no valid backup.*quarantine/) });
    expect(await readdir(path.join(location, 'quarantine'))).toHaveLength(1);
  });
});

describe('backup rotation', () => {
  it('keeps 3 for today, 1 per earlier day and 10 at most', () => {
    const names: string[] = [];
    for (let day = 1; day <= 14; day++) for (let hour = 8; hour < 12; hour++) names.push(backupName(new Date(Date.UTC(2026, 10, day, hour))));
    const now = new Date(Date.UTC(2026, 10, 14, 12));
    const kept = names.filter((n) => !backupsToDelete(names, now).includes(n));
    expect(kept).toHaveLength(10);
    expect(kept.filter((n) => n.startsWith('2026-11-14'))).toHaveLength(3);
    expect(kept.filter((n) => n.startsWith('2026-11-13'))).toEqual(['2026-11-13T11-00-00-000Z.json']);
    expect(kept.some((n) => n.startsWith('2026-11-06'))).toBe(false); // oldest days go first
  });

  it('is applied on every save in a real workspace', async () => {
    const clock = testClock('2026-11-01T09:00:00.000Z');
    const { service, location } = await tempWorkspace(clock.env);
    const { id } = await service.create('Struer Kommune', 'familieraadslagning');
    let revision = 0;
    for (let day = 1; day <= 12; day++) {
      clock.setDay(`2026-11-${String(day).padStart(2, '0')}T09:00:00.000Z`);
      for (let save = 0; save < 5; save++) {
        clock.advance(60_000);
        revision = (await service.applyEdits(id, revision, [{ type: 'setNotes', itemId: 'lokaler', notes: `dag ${day} gem ${save}` }])).revision;
      }
    }
    const backups = await readdir(path.join(location, 'backups', id));
    expect(backups).toHaveLength(10);
    expect(backups.filter((n) => n.startsWith('2026-11-12'))).toHaveLength(3);
    expect(new Set(backups.map((n) => n.slice(0, 10))).size).toBe(8);
  });
});

describe('import, export, duplicate, delete', () => {
  it('imports an exported file as a new municipality and round-trips its content', async () => {
    const { service } = await tempWorkspace(testClock().env);
    const original = await service.createSample();
    const exported = await service.exportFile(original.id);
    expect(exported.fileName).toBe('eksempel-kommune.milepael.json');
    const imported = await service.importFile(exported.text, exported.fileName);
    expect(imported.id).not.toBe(original.id);
    expect(imported.items).toEqual(original.items);
    expect((await service.list()).map((s) => s.name)).toEqual(['Eksempel Kommune', 'Eksempel Kommune']);
  });

  it('writes nothing when the imported file is invalid, and says why', async () => {
    const { service, location } = await tempWorkspace(testClock().env);
    await service.create('Ringkøbing-Skjern Kommune', 'familieraadslagning');
    const before = await readdir(location, { recursive: true });
    // A file from a newer Milepæl is not damaged: it gets its own code, so the screen can say "update".
    const codes = { 'not json': 'invalid_file', '{"schemaVersion": 1}': 'invalid_file', '{"schemaVersion": 7}': 'newer_version', '[]': 'invalid_file' };
    for (const [text, code] of Object.entries(codes)) {
      await expect(service.importFile(text, 'kommune.json')).rejects.toMatchObject({ code, message: expect.stringMatching(/^kommune\.json.*Nothing was imported\.$/) });
    }
    expect(await readdir(location, { recursive: true })).toEqual(before);
  });

  it('moves a deleted municipality to the trash and restores it', async () => {
    const { service } = await tempWorkspace(testClock().env);
    const { id } = await service.create('Holstebro Kommune', 'familieraadslagning');
    const copy = await service.duplicate(id, 'Holstebro – kopi');
    await service.remove(id);
    expect((await service.list()).map((s) => s.name)).toEqual(['Holstebro – kopi']);
    expect((await service.listTrash()).map((t) => t.name)).toEqual(['Holstebro Kommune']);
    await service.restore(id);
    expect((await service.list()).map((s) => s.id).sort()).toEqual([id, copy.id].sort());
    expect(await service.listTrash()).toEqual([]);
  });
});

describe('the start-screen list', () => {
  it('summarises scores, overdue items and the next due action, and notices external changes', async () => {
    const { service, location } = await tempWorkspace(testClock().env);
    const sample = await service.createSample();
    const [summary] = await service.list();
    expect(summary).toMatchObject({ name: 'Eksempel Kommune', isExample: true, overdueCount: 2, nextDue: { itemId: 'aar-1.traen-personale-og-ledelse' } });
    expect(summary!.overall).toBeGreaterThan(40);
    expect(summary!.overall).toBeLessThan(80);
    const data = JSON.parse(await readFile(fileOf(location, sample.id), 'utf8')) as { name: string };
    await writeFile(fileOf(location, sample.id), JSON.stringify({ ...data, name: 'Ændret udefra' }, null, 1));
    expect((await service.list())[0]?.name).toBe('Ændret udefra');
  });
});

describe('opening a file from an older Milepæl', () => {
  it('migrates it, after keeping a backup of the old version', async () => {
    const { service, location } = await tempWorkspace(testClock().env);
    const v1 = await readFile(new URL('../fixtures/municipality-v1.json', import.meta.url), 'utf8');
    await mkdir(path.join(location, 'municipalities'), { recursive: true });
    await writeFile(fileOf(location, 'v1-eksempel'), v1);
    const { file } = await service.open('v1-eksempel');
    expect(file.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
    expect((JSON.parse(await readFile(fileOf(location, 'v1-eksempel'), 'utf8')) as { schemaVersion: number }).schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
    const backups = await readdir(path.join(location, 'backups', 'v1-eksempel'));
    expect(backups).toHaveLength(1);
    expect(await readFile(path.join(location, 'backups', 'v1-eksempel', backups[0]!), 'utf8')).toBe(v1);
  });
});

describe('updating to a newer version of the pack', () => {
  it('offers the update, applies it with the user\'s choices and keeps a backup of the old file', async () => {
    const clock = testClock();
    const { service, location } = await tempWorkspace(clock.env);
    const file = await service.create('Hjørring Kommune', 'familieraadslagning');
    await service.applyEdits(file.id, 0, [{ type: 'setStatus', itemId: 'lokaler', status: 'in_place' }]);
    const content = await mkdtemp(path.join(tmpdir(), 'milepael-content-'));
    await cp(path.join(bundledContentDir(), 'familieraadslagning'), path.join(content, 'familieraadslagning'), { recursive: true });
    const manifest = path.join(content, 'familieraadslagning', 'pack.yml');
    await writeFile(manifest, (await readFile(manifest, 'utf8')).replace('version: 1.2.0', 'version: 2.0.0'));
    const lokaler = path.join(content, 'familieraadslagning', 'milestones', '11-lokaler.md');
    await writeFile(lokaler, (await readFile(lokaler, 'utf8')).replace('title: Lokaler er klar', 'title: Neutrale lokaler er klar'));
    const updated = await openWorkspace({ location, contentDir: content, env: clock.env, warn: () => undefined });
    const offer = await updated.packUpdate(file.id);
    expect(offer).toMatchObject({ fromVersion: '1.2.0', toVersion: '2.0.0', changes: [{ kind: 'title_changed', itemId: 'lokaler', conflict: false }] });
    const after = await updated.applyPackUpdate(file.id, 1, {});
    expect(after.pack.version).toBe('2.0.0');
    expect(after.items.find((i) => i.id === 'lokaler')).toMatchObject({ title: 'Neutrale lokaler er klar til brug og har de nødvendige faciliteter', status: 'in_place' });
    expect(await updated.packUpdate(file.id)).toBeNull();
    const backups = await readdir(path.join(location, 'backups', file.id));
    const old = JSON.parse(await readFile(path.join(location, 'backups', file.id, backups.sort().at(-1)!), 'utf8')) as { pack: { version: string } };
    expect(old.pack.version).toBe('1.2.0');
  });
});
