// Runs alone in its own process so its peak memory is the workspace's, not the generator's.
import { readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseMunicipalityJson } from '../src/core/schema/validate-municipality';
import { scoreMunicipality } from '../src/core/scoring/score';
import { openWorkspace } from '../src/backend/workspace';

const location = process.argv[2]!;

// Linux keeps ru_maxrss across exec, so a child would report its parent's peak; VmHWM is this
// process image's own high-water mark. Elsewhere, sample the resident size.
function highWaterMarkMb(): number | null {
  try {
    const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    return hwm ? Number(hwm[1]) / 1024 : null;
  } catch {
    return null;
  }
}
let sampledPeak = process.memoryUsage().rss;
const sampler = highWaterMarkMb() === null ? setInterval(() => (sampledPeak = Math.max(sampledPeak, process.memoryUsage().rss)), 2) : undefined;
function peakRssMb(): number {
  return highWaterMarkMb() ?? Math.max(sampledPeak, process.memoryUsage().rss) / 2 ** 20;
}

/** The floor set by the machine in this run: the same files read and JSON-parsed, nothing checked. */
async function readAndParseOnly(): Promise<number> {
  const start = performance.now();
  const dir = path.join(location, 'municipalities');
  for (const name of await readdir(dir)) JSON.parse(await readFile(path.join(dir, name), 'utf8'));
  return performance.now() - start;
}

async function loadAll(): Promise<number> {
  const start = performance.now();
  const dir = path.join(location, 'municipalities');
  const names = await readdir(dir);
  // A few reads overlap (the disk is the slow part) while parsing and scoring run one file at a
  // time; a small window keeps memory flat instead of holding every file's text at once.
  const WINDOW = 8;
  const read = (i: number) => readFile(path.join(dir, names[i]!), 'utf8');
  const inFlight = names.slice(0, WINDOW).map((_, i) => read(i));
  for (let i = 0; i < names.length; i++) {
    const text = await inFlight[i]!;
    if (i + WINDOW < names.length) inFlight.push(read(i + WINDOW));
    inFlight[i] = Promise.resolve('');
    const result = parseMunicipalityJson(text);
    if (!result.ok) throw new Error(`${names[i]} is invalid`);
    scoreMunicipality(result.value.file);
  }
  return performance.now() - start;
}

const coldMs = await loadAll();
const rawMs = await readAndParseOnly();
const warmMs = await loadAll();
const service = await openWorkspace({ location, warn: () => undefined });
const start = performance.now();
await service.list();
const listMs = performance.now() - start;
clearInterval(sampler);
process.stdout.write(JSON.stringify({ coldMs, warmMs, listMs, rawMs, maxRssMb: peakRssMb() }));
