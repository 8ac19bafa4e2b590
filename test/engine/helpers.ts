import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadPacks } from '../../src/backend/packs/fs-packs';
import { createSampleMunicipality, SAMPLE_PACK_ID } from '../../src/backend/sample';
import { EngineWorkspace, type EngineOptions } from '../../src/backend/engine/engine-workspace';
import type { Environment } from '../../src/core/checklist/create';
import type { MunicipalityFile } from '../../src/core/schema/municipality';

export async function samplePackFile(env: Environment): Promise<MunicipalityFile> {
  const { packs } = await loadPacks();
  const pack = packs.find((p) => p.id === SAMPLE_PACK_ID)!;
  return createSampleMunicipality(pack, env);
}

export async function tempFolder(): Promise<string> {
  return mkdtemp(path.join(tmpdir(), 'milepael-engine-'));
}

export function openEngine(location: string, env: Environment, options: Partial<EngineOptions> = {}): Promise<EngineWorkspace> {
  return EngineWorkspace.open({ location, env, watchFolder: false, mirrorDelayMs: 50, warn: () => undefined, ...options });
}
