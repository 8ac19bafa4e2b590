// Opens an engine workspace in a fresh process: the start screen's list, then the portfolio.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { openWorkspace } from '../src/backend/workspace';
import { engineOf } from '../src/backend/engine/registry';

const location = process.argv[2]!;
const hwm = () => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0) / 1024;
// Time since the process started: Node itself and this bundle's modules.
const loadMs = performance.now();
const t0 = performance.now();
const service = await openWorkspace({ location, engine: { watchFolder: false, mirrorDelayMs: 600_000 }, warn: () => undefined });
const openMs = performance.now() - t0;
const t1 = performance.now();
const list = await service.list();
const listMs = performance.now() - t1;
const listRssMb = hwm();
const t2 = performance.now();
await service.portfolio('familieraadslagning', false);
const portfolioMs = performance.now() - t2;
process.stdout.write(JSON.stringify({ count: list.length, loadMs, openMs, listMs, listRssMb, portfolioMs, portfolioRssMb: hwm() }));
// Closed as the app closes on exit, which writes what the next start reads.
await engineOf(service)?.close();
process.exit(0);
