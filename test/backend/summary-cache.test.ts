import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createMunicipality } from '../../src/core/checklist/create';
import { localDateString } from '../../src/core/checklist/summary';
import { buildPortfolio } from '../../src/core/portfolio';
import { loadPacks } from '../../src/backend/packs/fs-packs';
import { createSampleMunicipality } from '../../src/backend/sample';
import { FsWorkspace } from '../../src/backend/storage/fs-workspace';
import { SummaryCache } from '../../src/backend/summary-cache';
import { testClock } from '../helpers/workspace';

async function setUp() {
  const clock = testClock();
  const location = await mkdtemp(path.join(tmpdir(), 'milepael-cache-'));
  const storage = new FsWorkspace(location, clock.env.now);
  const { packs } = await loadPacks();
  const pack = packs.find((p) => p.id === 'familieraadslagning')!;
  for (const name of ['Odder Kommune', 'Favrskov Kommune', 'Norddjurs Kommune']) await storage.create(createMunicipality(pack, name, clock.env));
  await storage.create(createSampleMunicipality(pack, clock.env));
  const reads = vi.spyOn(storage, 'read');
  const today = () => localDateString(clock.env.now());
  const filesNow = async () => Promise.all((await storage.listIds()).map(async (id) => (await storage.read(id)).file));
  return { clock, location, storage, packs, pack, reads, today, filesNow };
}

describe('the summary cache behind the start screen and the portfolio', () => {
  it('gives the rows the portfolio computes from the files, and reads no file a second time', async () => {
    const { storage, packs, pack, reads, today, filesNow } = await setUp();
    const cache = new SummaryCache(storage, packs);
    const first = await cache.read(today());
    expect(reads).toHaveBeenCalledTimes(4);
    const second = await cache.read(today());
    expect(reads).toHaveBeenCalledTimes(4);
    expect(second).toEqual(first);
    const expected = buildPortfolio(pack, await filesNow(), today()).municipalities;
    expect(second.map((s) => s.portfolio?.row).sort((a, b) => a!.name.localeCompare(b!.name, 'da'))).toEqual(expected);
  });

  it('re-reads only a file changed outside the app, and shows the change', async () => {
    const { location, storage, packs, reads, today } = await setUp();
    const cache = new SummaryCache(storage, packs);
    const before = await cache.read(today());
    const odder = before.find((s) => s.summary.name === 'Odder Kommune')!;
    const file = path.join(location, 'municipalities', `${odder.id}.json`);
    const data = JSON.parse(await readFile(file, 'utf8')) as { items: { id: string; status: string }[] };
    data.items.find((i) => i.id === 'lokaler')!.status = 'in_place';
    await writeFile(file, JSON.stringify(data, null, 1));
    reads.mockClear();
    const after = await cache.read(today());
    expect(reads).toHaveBeenCalledTimes(1);
    expect(after.find((s) => s.id === odder.id)?.portfolio?.row.statuses.lokaler).toBe('in_place');
    expect(odder.portfolio?.row.statuses.lokaler).toBe('not_started');
  });

  it('recounts overdue items on a new day', async () => {
    const { clock, storage, packs, reads, today } = await setUp();
    const cache = new SummaryCache(storage, packs);
    const sample = (await cache.read(today())).find((s) => s.summary.isExample)!;
    clock.setDay('2027-06-01T10:00:00.000Z');
    reads.mockClear();
    const later = (await cache.read(today())).find((s) => s.summary.isExample)!;
    expect(reads).toHaveBeenCalledTimes(4);
    expect(later.portfolio!.row.overdueCount).toBeGreaterThan(sample.portfolio!.row.overdueCount);
  });
});
