import { createSampleMunicipality } from '../../src/backend/sample';
import type { MunicipalityFile } from '../../src/core/schema/municipality';
import { bundledPack } from './packs';

/** The example municipality, made on a fixed day so plans and snapshots are stable. */
export async function fixedSample(): Promise<MunicipalityFile> {
  let n = 0;
  return createSampleMunicipality(await bundledPack('familieraadslagning'), { now: () => new Date('2026-11-22T10:00:00.000Z'), newId: () => `id${++n}` });
}

export const SAMPLE_TODAY = '2026-11-22';

/** The example municipality without its earlier rounds and tally, for tests that build their own. */
export async function fixedSampleWithoutHistory(): Promise<MunicipalityFile> {
  const file = await fixedSample();
  return { ...file, assessment: { ...file.assessment, snapshots: [] }, conferences: { targets: [], counts: [] } };
}
