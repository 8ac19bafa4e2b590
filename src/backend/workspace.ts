import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { formatProblem } from '../core/schema/common';
import type { Environment } from '../core/checklist/create';
import { loadPacks } from './packs/fs-packs';
import { WorkspaceService } from './service';
import { FsWorkspace } from './storage/fs-workspace';
import { chromiumPdfRenderer, type PdfRenderer } from './plan/pdf';

export interface OpenWorkspaceOptions {
  location: string;
  contentDir?: string;
  env?: Partial<Environment>;
  /** Told about packs that failed to load (the others still load). */
  warn?: (message: string) => void;
  /** How plans become PDF: Electron's printToPDF on the desktop, headless Chromium elsewhere. */
  renderPdf?: PdfRenderer;
}

/** Builds the service for a workspace folder: the one set-up every shell shares. */
export async function openWorkspace(options: OpenWorkspaceOptions): Promise<WorkspaceService> {
  const env: Environment = { now: options.env?.now ?? (() => new Date()), newId: options.env?.newId ?? randomUUID };
  await mkdir(options.location, { recursive: true });
  const { packs, problems } = await loadPacks(options.contentDir);
  for (const problem of problems) (options.warn ?? console.warn)(`pack not loaded: ${formatProblem(problem)}`);
  return new WorkspaceService(new FsWorkspace(options.location, env.now), packs, env, options.renderPdf ?? chromiumPdfRenderer());
}
