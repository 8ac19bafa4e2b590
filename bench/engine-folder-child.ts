// The second app on a shared folder: prints "seen <token> <epoch ms>" when a note arrives from the first.
import { EngineWorkspace } from '../src/backend/engine/engine-workspace';

const [location, id] = process.argv.slice(2) as [string, string];
const engine = await EngineWorkspace.open({ location, env: { now: () => new Date(), newId: () => String(Math.random()) }, watchFolder: true, pollMs: 400, mirrorDelayMs: 600_000, warn: () => undefined });
let last = (await engine.live(id)).file.items[0]!.notes;
engine.subscribe(() => {
  void engine.live(id).then(({ file }) => {
    const notes = file.items[0]!.notes;
    if (notes !== last) process.stdout.write(`seen ${notes} ${Date.now()}\n`);
    last = notes;
  });
});
// The folder watcher's timer does not hold the process open (an app has its window or server for that).
setInterval(() => undefined, 60_000);
process.stdout.write('ready\n');
