// Saves one municipality over and over through the real save path and says "ack N" after each
// save returns. The crash test kills this process at random moments.
import { FsWorkspace } from '../../src/backend/storage/fs-workspace';

const [location, id] = process.argv.slice(2) as [string, string];
const storage = new FsWorkspace(location);
let { file } = await storage.read(id);
for (;;) {
  const edited = { ...file, items: file.items.map((item, n) => (n === 0 ? { ...item, notes: `gemt ${file.revision + 1} ${'x'.repeat(file.revision % 500)}` } : item)) };
  file = await storage.write(edited, file.revision);
  process.stdout.write(`ack ${file.revision}\n`);
}
