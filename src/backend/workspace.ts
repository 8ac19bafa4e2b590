import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { formatProblem } from '../core/schema/common';
import type { Environment } from '../core/checklist/create';
import { loadPacks } from './packs/fs-packs';
import { WorkspaceService } from './service';
import { FsWorkspace } from './storage/fs-workspace';
import { chromiumPdfRenderer, type PdfRenderer } from './plan/pdf';
import { openEngine, type EngineOptions } from './engine/engine-workspace';
import { registerEngine } from './engine/registry';

export interface OpenWorkspaceOptions {
  location: string;
  contentDir?: string;
  env?: Partial<Environment>;
  /** Told about packs that failed to load (the others still load). */
  warn?: (message: string) => void;
  /** How plans become PDF: Electron's printToPDF on the desktop, headless Chromium elsewhere. */
  renderPdf?: PdfRenderer;
  /** Keep municipalities as Automerge documents (shared folder, team server, change log) instead of JSON files only. */
  engine?: boolean | Omit<Partial<EngineOptions>, 'location' | 'env'>;
}

/** Builds the service for a workspace folder: the one set-up every shell shares. */
export async function openWorkspace(options: OpenWorkspaceOptions): Promise<WorkspaceService> {
  const env: Environment = { now: options.env?.now ?? (() => new Date()), newId: options.env?.newId ?? randomUUID };
  await mkdir(options.location, { recursive: true });
  // The packs and the engine's documents load side by side: each waits mostly on the disk.
  const engineOptions = options.engine;
  const opening = engineOptions ? openEngine({ ...(engineOptions === true ? {} : engineOptions), location: options.location, env, ...(options.warn ? { warn: options.warn } : {}) }) : null;
  const loaded = await loadPacks(options.contentDir).catch(async (error: unknown) => {
    await (await opening?.catch(() => null))?.close();
    throw error;
  });
  for (const problem of loaded.problems) (options.warn ?? console.warn)(`pack not loaded: ${formatProblem(problem)}`);
  const renderPdf = options.renderPdf ?? chromiumPdfRenderer();
  if (opening) {
    const engine = await opening;
    return registerEngine(new WorkspaceService(engine, loaded.packs, env, renderPdf), engine);
  }
  return new WorkspaceService(new FsWorkspace(options.location, env.now), loaded.packs, env, renderPdf);
}
