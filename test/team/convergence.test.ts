import { readFile } from 'node:fs/promises';
import path from 'node:path';
import * as Automerge from '@automerge/automerge';
import { Repo, type DocumentId } from '@automerge/automerge-repo';
import { afterAll, describe, expect, it } from 'vitest';
import { municipalityDocumentId } from '../../src/backend/engine/ids';
import { AtomicFsStorage } from '../../src/backend/engine/storage';
import { member, tempDir } from './helpers';
import { freePort, killAll, startServeProcess, tsChild, type Child } from './processes';

const EDITS = Number(process.env.MILEPAEL_TEAM_EDITS ?? 200);
const NAMES = ['Projektleder', 'Teammedlem', 'Konsulent'] as const;

interface Report {
  heads: string[];
  tally: number;
  connected: boolean;
}

afterAll(() => killAll());

async function latestReport(client: Child): Promise<Report> {
  const before = client.lines.length;
  client.send('report');
  await client.waitFor(() => client.lines.slice(before).some((l) => l.includes('"heads"')), 30_000);
  return JSON.parse(client.lines.slice(before).find((l) => l.includes('"heads"'))!) as Report;
}

function authorsOf(doc: Automerge.Doc<unknown>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const change of Automerge.getAllChanges(doc)) {
    const message = Automerge.decodeChange(change).message;
    if (!message) continue;
    const by = (JSON.parse(message) as { by: string }).by;
    counts.set(by, (counts.get(by) ?? 0) + 1);
  }
  return counts;
}

describe('convergence through the team server', () => {
  it(
    `three processes make ${EDITS} random edits each; the server is SIGKILLed and restarted midway and one client is offline for a while; all end identical with every edit`,
    async () => {
      const workspace = await tempDir('converge');
      const keys = await Promise.all(NAMES.map((name) => member(workspace, name, 'editor')));
      const port = await freePort();
      const url = `http://127.0.0.1:${port}`;
      const documentId = municipalityDocumentId('convergens');
      let server = await startServeProcess(workspace, port);

      const clients = await Promise.all(
        NAMES.map(async (name, n) =>
          tsChild('test/team/convergence-client.ts', [
            JSON.stringify({
              url,
              key: keys[n],
              name,
              folder: await tempDir(`client-${n}`),
              documentId,
              edits: EDITS,
              ...(n === 2 ? { offlineFrom: Math.floor(EDITS * 0.2), offlineTo: Math.floor(EDITS * 0.7) } : {}),
            }),
          ]),
        ),
      );

      // Midway, the server dies without warning and comes back on the same port.
      await clients[0]!.waitFor((l) => l.includes('"progress"') && (JSON.parse(l) as { progress: number }).progress >= EDITS * 0.4);
      server.process.kill('SIGKILL');
      await server.exited;
      await new Promise((r) => setTimeout(r, 300));
      server = await startServeProcess(workspace, port);

      await Promise.all(clients.map((c) => c.waitFor((l) => l.includes('"done"'), 180_000)));
      let reports: Report[] = [];
      const deadline = Date.now() + 120_000;
      for (;;) {
        reports = await Promise.all(clients.map(latestReport));
        const same = reports.every((r) => JSON.stringify(r.heads) === JSON.stringify(reports[0]!.heads));
        if (same && reports.every((r) => r.tally === EDITS * NAMES.length)) break;
        if (Date.now() > deadline) throw new Error(`no convergence: ${JSON.stringify(reports.map((r) => [r.tally, r.connected]))}`);
        await new Promise((r) => setTimeout(r, 250));
      }

      server.process.kill('SIGTERM');
      await server.exited;
      const docs = await Promise.all(
        clients.map(async (c, n) => {
          const file = path.join(workspace, `client-${n}.automerge`);
          c.send(`save ${file}`);
          await c.exited;
          return Automerge.load<{ edits: Record<string, string>; shared: string; tally: Automerge.Counter }>(new Uint8Array(await readFile(file)));
        }),
      );

      const [first] = docs;
      for (const doc of docs) {
        expect(Automerge.getHeads(doc).sort()).toEqual(Automerge.getHeads(first!).sort());
        expect(Automerge.toJS(doc)).toEqual(Automerge.toJS(first!));
      }
      // Every edit is there, by value, and each author's changes are all there under their name.
      for (const name of NAMES) for (let i = 0; i < EDITS; i++) expect(first!.edits[`${name}-${i}`]).toBe(`værdi ${i}`);
      expect(first!.tally.value).toBe(EDITS * NAMES.length);
      expect(Object.fromEntries(authorsOf(first!))).toEqual(Object.fromEntries(NAMES.map((n) => [n, EDITS])));

      // And the server kept it too (after its SIGKILL), on disk.
      const repo = new Repo({ storage: new AtomicFsStorage(path.join(workspace, 'engine')) });
      const stored = await repo.find<{ tally: Automerge.Counter }>(documentId as DocumentId);
      expect(Automerge.getHeads(stored.doc()).sort()).toEqual(Automerge.getHeads(first!).sort());
      await repo.shutdown();
    },
    400_000,
  );
});
