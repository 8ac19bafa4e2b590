// One team member's app in the convergence test: its own storage folder, connected to the team
// server, making random edits (some to a field everyone writes), going offline for a stretch when
// told to. Commands on stdin: "report" prints the state, "save FILE" writes the document and exits.
import { writeFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import * as Automerge from '@automerge/automerge';
import { Repo, type DocumentId } from '@automerge/automerge-repo';
import { SEED_ACTOR } from '../../src/backend/engine/ids';
import { AtomicFsStorage } from '../../src/backend/engine/storage';
import { connectToTeamServer } from '../../src/backend/team/connect';

interface Options {
  url: string;
  key: string;
  name: string;
  folder: string;
  documentId: string;
  edits: number;
  offlineFrom?: number;
  offlineTo?: number;
}

interface Doc {
  municipalityId: string;
  edits: Record<string, string>;
  shared: string;
  tally: Automerge.Counter;
}

const options = JSON.parse(process.argv[2] ?? '{}') as Options;
const say = (message: object) => process.stdout.write(`${JSON.stringify(message)}\n`);
const adapter = connectToTeamServer(options.url, options.key, { retryMs: 150 });
const repo = new Repo({ storage: new AtomicFsStorage(options.folder), network: [adapter] });
const seed = Automerge.change(Automerge.init<Doc>({ actor: SEED_ACTOR }), { time: 0 }, (d) => {
  d.municipalityId = 'convergens';
  d.edits = {};
  d.shared = '';
  d.tally = new Automerge.Counter(0);
});
const handle = repo.import<Doc>(Automerge.save(seed), { docId: options.documentId as DocumentId });

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
for (let i = 0; i < options.edits; i++) {
  if (i === options.offlineFrom) {
    adapter.disconnect();
    say({ offline: true });
  }
  if (i === options.offlineTo) {
    adapter.connect(adapter.peerId!, adapter.peerMetadata);
    say({ online: true });
  }
  await sleep(2 + Math.random() * 12);
  handle.change(
    (d) => {
      d.edits[`${options.name}-${i}`] = `værdi ${i}`;
      d.tally.increment(1);
      if (Math.random() < 0.3) d.shared = `${options.name} ${i}`;
    },
    { message: JSON.stringify({ by: options.name }) },
  );
  if ((i + 1) % 10 === 0) say({ progress: i + 1 });
}
say({ done: true });

for await (const line of createInterface({ input: process.stdin })) {
  const doc = handle.doc();
  if (line === 'report') say({ heads: Automerge.getHeads(doc).sort(), tally: doc.tally.value, connected: adapter.connected });
  if (line.startsWith('save ')) {
    await writeFile(line.slice(5), Automerge.save(doc));
    await repo.shutdown();
    say({ saved: true });
    process.exit(0);
  }
}
