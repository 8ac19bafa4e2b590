// Changes one municipality on the engine over and over and says "ack N" when change N is stored.
// The engine crash test kills this process at random moments.
import { EngineWorkspace } from '../../src/backend/engine/engine-workspace';

const [location, id] = process.argv.slice(2) as [string, string];
const engine = await EngineWorkspace.open({ location, env: { now: () => new Date(), newId: () => String(Math.random()) }, watchFolder: false, mirrorDelayMs: 5, warn: () => undefined });
const { file } = await engine.live(id);
const itemId = file.items[0]!.id;
let n = Number(/^stored (\d+)/.exec(file.items[0]!.notes)?.[1] ?? 0);
for (;;) {
  n++;
  await engine.applyEdits(id, [{ type: 'setNotes', itemId, notes: `stored ${n} ${'x'.repeat(n % 300)}` }, { type: 'setOwner', itemId: file.items[n % file.items.length]!.id, owner: `ejer ${n}` }], 'crash-test');
  process.stdout.write(`ack ${n}\n`);
}
