// One app on a shared folder: makes N random edits as "proc-P", then waits until it sees every
// other app's last edit and prints its final document. The convergence test runs three at once.
import { writeFile } from 'node:fs/promises';
import { applyEdit, type ChecklistEdit } from '../../src/core/checklist/edits';
import { EngineWorkspace } from '../../src/backend/engine/engine-workspace';
import { emptyMonth } from '../../src/core/evaluation/data';

const [location, id, proc, countText, peersText, out] = process.argv.slice(2) as [string, string, string, string, string, string];
const count = Number(countText);
const peers = Number(peersText);
const p = Number(proc);
let ids = 0;
const env = { now: () => new Date(), newId: () => `p${p}-${++ids}` };
const engine = await EngineWorkspace.open({ location, env, watchFolder: true, pollMs: 100, mirrorDelayMs: 60_000, warn: (m) => process.stderr.write(`${m}\n`) });
const author = `proc-${p}`;
const { file } = await engine.live(id);
const items = file.items.filter((_, n) => n % peers === p).map((i) => i.id);
const caseType = file.framework.tally!.caseTypes[0]!.id;
const pick = <T>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)]!;

for (let k = 0; k < count; k++) {
  const token = `${p}-${k}`;
  const kind = pick(['owner', 'notes', 'tally', 'evidence', 'evaluation'] as const);
  // Evaluation figures: each app imports its own three months, so its last figures must win there.
  const itemId = kind === 'evaluation' ? `2030-${String(p * 3 + (k % 3) + 1).padStart(2, '0')}` : pick(items);
  await engine.change(
    id,
    (current) => {
      const tally = current.conferences.counts.find((c) => c.month === '2026-01' && c.caseType === caseType)?.count ?? 0;
      const edit: ChecklistEdit =
        kind === 'owner'
          ? { type: 'setOwner', itemId, owner: token }
          : kind === 'notes'
            ? { type: 'setNotes', itemId, notes: token }
            : kind === 'tally'
              ? { type: 'setTallyCount', month: '2026-01', caseType, count: tally + 1 }
              : kind === 'evaluation'
                ? { type: 'setEvaluationMonth', figures: { ...emptyMonth(itemId), firstConferences: k } }
                : { type: 'addEvidence', itemId: pick(file.items).id, label: token, target: `https://example.org/${token}` };
      return applyEdit(current, edit, env);
    },
    author,
  );
  process.stdout.write(`edit ${kind} ${itemId} ${token}\n`);
  if (Math.random() < 0.3) await new Promise((r) => setTimeout(r, Math.random() * 5));
}
await engine.change(id, (current) => applyEdit(current, { type: 'addEvidence', itemId: file.items[0]!.id, label: `done-${p}`, target: 'done' }, env), author);

const deadline = Date.now() + 60_000;
for (;;) {
  const { file: now } = await engine.live(id);
  const done = now.items[0]!.evidence.filter((e) => e.label.startsWith('done-')).length;
  if (done === peers || Date.now() > deadline) break;
  await new Promise((r) => setTimeout(r, 100));
}
const live = await engine.live(id);
const log = await engine.changeLog(id);
await writeFile(out, JSON.stringify({ file: live.file, heads: live.heads, log }));
await engine.close();
process.exit(0);
