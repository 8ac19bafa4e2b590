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
  const { packs, problems } = await loadPacks(options.contentDir);
  for (const problem of problems) (options.warn ?? console.warn)(`pack not loaded: ${formatProblem(problem)}`);
  const renderPdf = options.renderPdf ?? chromiumPdfRenderer();
  if (options.engine) {
    const engine = await openEngine({ ...(options.engine === true ? {} : options.engine), location: options.location, env, ...(options.warn ? { warn: options.warn } : {}) });
    return registerEngine(new WorkspaceService(engine, packs, env, renderPdf), engine);
  }
  return new WorkspaceService(new FsWorkspace(options.location, env.now), packs, env, renderPdf);
}
