// Figures, not a test: how long it takes to validate and score a consultant's whole workspace.
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import path from 'node:path';
import { createMunicipality } from '../src/core/checklist/create';
import { STATUSES } from '../src/core/schema/common';
import { parseMunicipalityJson, serializeMunicipality } from '../src/core/schema/validate-municipality';
import { scoreMunicipality } from '../src/core/scoring/score';
import { bundledContentDir, loadPackFolder } from '../src/backend/packs/fs-packs';

const MUNICIPALITIES = 98;

export async function benchScoreWorkspace(): Promise<void> {
  const loaded = await loadPackFolder(path.join(bundledContentDir(), 'familieraadslagning'));
  if (!loaded.ok) throw new Error('bundled pack is invalid');
  const texts = Array.from({ length: MUNICIPALITIES }, (_, n) => {
    const file = createMunicipality(loaded.value, `Kommune ${n + 1}`, { now: () => new Date(), newId: randomUUID });
    file.items = file.items.map((item, i) => ({ ...item, status: STATUSES[(n + i) % STATUSES.length]!, notes: 'Notat '.repeat(20) }));
    return serializeMunicipality(file);
  });
  const start = performance.now();
  let checksum = 0;
  for (const text of texts) {
    const result = parseMunicipalityJson(text);
    if (!result.ok) throw new Error('generated file is invalid');
    checksum += scoreMunicipality(result.value.file).overall.percent ?? 0;
  }
  const ms = performance.now() - start;
  const kb = texts.reduce((n, t) => n + t.length, 0) / 1024;
  console.log(`parse + validate + score ${MUNICIPALITIES} municipality files (${kb.toFixed(0)} KB): ${ms.toFixed(1)} ms total, ${(ms / MUNICIPALITIES).toFixed(2)} ms per file (checksum ${checksum.toFixed(0)})`);
}
