import { readFile, readdir, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { applyEdit, type ChecklistEdit } from '../../src/core/checklist/edits';
import { serializeMunicipality, parseMunicipalityJson } from '../../src/core/schema/validate-municipality';
import type { EngineWorkspace } from '../../src/backend/engine/engine-workspace';
import * as A from '@automerge/automerge';
import { documentToFile, patchDocument, seedDocument } from '../../src/backend/engine/mapping';
import { testClock } from '../helpers/workspace';
import { changesSinceLastRound } from '../../src/backend/engine/changes-since-round';
import { openEngine, samplePackFile, tempFolder } from './helpers';

const open: EngineWorkspace[] = [];
afterEach(async () => {
  for (const engine of open.splice(0)) await engine.close();
});

async function engineWithSample() {
  const clock = testClock();
  const location = await tempFolder();
  const engine = await openEngine(location, clock.env);
  open.push(engine);
  const file = await engine.create(await samplePackFile(clock.env), 'Projektleder Anne');
  return { engine, file, clock, location };
}

const edit = (engine: EngineWorkspace, id: string, edits: ChecklistEdit[], author: string, heads?: string[]) =>
  engine.change(id, (file) => edits.reduce((next, e) => applyEdit(next, e, { now: () => new Date('2026-11-12T13:03:00Z'), newId: () => 'x1' }), file), author, heads);

describe('a municipality on the engine', () => {
  it('reads back exactly the file it was created from', async () => {
    const { engine, file } = await engineWithSample();
    const { file: read } = await engine.read(file.id);
    expect({ ...read, removedPackItemIds: [...read.removedPackItemIds].sort() }).toEqual({ ...file, removedPackItemIds: [...file.removedPackItemIds].sort() });
  });

  it('keeps both of two edits made from the same version to different fields', async () => {
    const { engine, file } = await engineWithSample();
    const { heads } = await engine.live(file.id);
    const [first, sixth] = [file.items[0]!, file.items[5]!];
    await edit(engine, file.id, [{ type: 'setOwner', itemId: first.id, owner: 'Afdelingsleder' }], 'Projektleder Anne', heads);
    const after = await edit(engine, file.id, [{ type: 'setNotes', itemId: sixth.id, notes: 'Aftalt på mødet' }], 'Teammedlem Bo', heads);
    expect(after.file.items[0]!.owner).toBe('Afdelingsleder');
    expect(after.file.items[5]!.notes).toBe('Aftalt på mødet');
    expect(after.conflicts).toEqual([]);
    expect(after.file.revision).toBe(file.revision + 2);
  });

  it('shows a same-field change made from the same version as a conflict with the other value and its author', async () => {
    const { engine, file } = await engineWithSample();
    const { heads } = await engine.live(file.id);
    const item = file.items[2]!;
    await edit(engine, file.id, [{ type: 'setOwner', itemId: item.id, owner: 'Anne' }], 'Projektleder Anne', heads);
    const after = await edit(engine, file.id, [{ type: 'setOwner', itemId: item.id, owner: 'Bo' }], 'Teammedlem Bo', heads);
    const conflict = after.conflicts.find((c) => c.itemId === item.id && c.field === 'owner');
    expect(conflict).toBeDefined();
    const values = [conflict!.value, ...conflict!.others.map((o) => o.value)].sort();
    expect(values).toEqual(['Anne', 'Bo']);
    const authors = [conflict!.by, ...conflict!.others.map((o) => o.by)].sort();
    expect(authors).toEqual(['Projektleder Anne', 'Teammedlem Bo']);
    expect(after.file.items[2]!.owner).toBe(conflict!.value);
    // A later change to another field leaves the conflict in view, and the value one click away.
    const elsewhere = await edit(engine, file.id, [{ type: 'setNotes', itemId: file.items[5]!.id, notes: 'Senere' }], 'Projektleder Anne');
    expect(elsewhere.conflicts.find((c) => c.itemId === item.id && c.field === 'owner')?.others).toHaveLength(1);
    // Choosing a value again settles it.
    const settled = await edit(engine, file.id, [{ type: 'setOwner', itemId: item.id, owner: 'Anne' }], 'Teammedlem Bo');
    expect(settled.conflicts.filter((c) => c.itemId === item.id)).toEqual([]);
  });

  it('adds up tally counts entered from the same version instead of keeping one', async () => {
    const { engine, file } = await engineWithSample();
    const caseType = file.framework.tally!.caseTypes[0]!.id;
    const month = '2026-10';
    const startCount = file.conferences.counts.find((c) => c.month === month && c.caseType === caseType)?.count ?? 0;
    const { heads } = await engine.live(file.id);
    await edit(engine, file.id, [{ type: 'setTallyCount', month, caseType, count: startCount + 2 }], 'Anne', heads);
    const after = await edit(engine, file.id, [{ type: 'setTallyCount', month, caseType, count: startCount + 3 }], 'Bo', heads);
    expect(after.file.conferences.counts.find((c) => c.month === month && c.caseType === caseType)?.count).toBe(startCount + 5);
  });

  it('logs who changed what and when, filterable by person and milestone', async () => {
    const { engine, file } = await engineWithSample();
    const item = file.items[0]!;
    await edit(engine, file.id, [{ type: 'setStatus', itemId: item.id, status: item.status === 'in_place' ? 'in_progress' : 'in_place' }], 'Projektleder Anne');
    await edit(engine, file.id, [{ type: 'setOwner', itemId: file.items[1]!.id, owner: 'Chef' }], 'Bo');
    const all = await engine.changeLog(file.id);
    expect(all.map((e) => e.by)).toEqual(['Projektleder Anne', 'Projektleder Anne', 'Bo']);
    const anne = await engine.changeLog(file.id, { by: 'Projektleder Anne', itemId: item.id });
    expect(anne).toHaveLength(1);
    expect(anne[0]!.at).toBe('2026-11-22T10:00:00.000Z');
    expect(anne[0]!.what).toContainEqual(expect.objectContaining({ item: item.id, field: 'status' }));
    expect(await engine.changeLog(file.id, { from: '2026-11-23' })).toEqual([]);
  });

  it('round-trips fields it does not know, so new file fields need no engine change', async () => {
    const clock = testClock();
    const file = await samplePackFile(clock.env);
    const extended = { ...file, futureField: { rounds: [{ month: '2026-10', answered: 12 }] }, items: file.items.map((i, n) => (n === 0 ? { ...i, decisionLog: ['a', 'b'] } : i)) };
    const doc = seedDocument(extended as typeof file, '');
    const back = documentToFile(doc) as Record<string, unknown> & { items: Record<string, unknown>[] };
    expect(back.futureField).toEqual(extended.futureField);
    expect(back.items[0]!.decisionLog).toEqual(['a', 'b']);
    const changed = A.change(doc, (d) => void patchDocument(d, extended as typeof file, { ...extended, futureField: { rounds: [] } } as typeof file, 'Anne', 'aa'));
    expect((documentToFile(changed) as Record<string, unknown>).futureField).toEqual({ rounds: [] });
  });
});

describe('an existing JSON workspace', () => {
  it('is converted on first open after a JSON backup, and the JSON file stays readable', async () => {
    const clock = testClock();
    const location = await tempFolder();
    const file = await samplePackFile(clock.env);
    await mkdir(path.join(location, 'municipalities'), { recursive: true });
    const original = serializeMunicipality(file);
    await writeFile(path.join(location, 'municipalities', `${file.id}.json`), original);
    // A sync client's conflict copy of the same municipality must not become a second one.
    await writeFile(path.join(location, 'municipalities', `${file.id}-PC-ANNE.json`), original);
    const engine = await openEngine(location, clock.env);
    open.push(engine);
    expect(await engine.listIds()).toEqual([file.id]);
    expect((await engine.read(file.id)).file.items).toEqual(file.items);
    const backups = await readdir(path.join(location, 'backups', file.id));
    expect(backups.some((n) => n.endsWith('-before-engine.json'))).toBe(true);
    expect(parseMunicipalityJson(await readFile(path.join(location, 'municipalities', `${file.id}.json`), 'utf8')).ok).toBe(true);
    expect(await readdir(path.join(location, 'municipalities'))).toEqual([`${file.id}.json`]);
  });

  it('mirrors changes to the JSON file', async () => {
    const { engine, file, location } = await engineWithSample();
    await edit(engine, file.id, [{ type: 'setOwner', itemId: file.items[0]!.id, owner: 'Spejlet' }], 'Anne');
    await new Promise((r) => setTimeout(r, 200));
    const json = parseMunicipalityJson(await readFile(path.join(location, 'municipalities', `${file.id}.json`), 'utf8'));
    expect(json.ok && json.value.file.items[0]!.owner).toBe('Spejlet');
  });
});

describe('the plan appendix "Ændringer siden sidste statusmåling"', () => {
  it('lists only what changed after the latest round, with who and which milestone', async () => {
    const { engine, file, clock } = await engineWithSample();
    await edit(engine, file.id, [{ type: 'setOwner', itemId: file.items[0]!.id, owner: 'Før målingen' }], 'Anne');
    clock.advance(60_000);
    await engine.change(file.id, (f) => applyEdit(f, { type: 'recordSnapshot', date: '2026-11-22', label: 'Styregruppe' }, clock.env), 'Anne');
    clock.advance(60_000);
    await edit(engine, file.id, [{ type: 'setStatus', itemId: file.items[3]!.id, status: 'not_relevant' }], 'Bo');
    const { file: now } = await engine.live(file.id);
    const changes = changesSinceLastRound(now, await engine.changeLog(file.id));
    expect(changes).toEqual([expect.objectContaining({ by: 'Bo', itemId: file.items[3]!.id, itemTitle: file.items[3]!.title, field: 'status', value: 'not_relevant' })]);
  });
});
