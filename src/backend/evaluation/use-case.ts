import { BackendError } from '../errors';
import type { WorkspaceService } from '../service';
import { importEvaluation, type EvaluationImportResult } from './import';

/**
 * Imports evaluation figures into a stored municipality. When the file is refused nothing is
 * written, so the municipality file stays byte for byte as it was.
 */
export async function importEvaluationInto(service: WorkspaceService, id: string, baseRevision: number, fileName: string, bytes: Uint8Array): Promise<EvaluationImportResult> {
  const { file } = await service.open(id);
  if (file.revision !== baseRevision) throw new BackendError('conflict', `the municipality was changed elsewhere (revision ${file.revision}, expected ${baseRevision}); reload and import again`);
  const result = await importEvaluation(file, fileName, bytes);
  if (!result.ok) return result;
  return { ...result, file: await service.save(result.file, baseRevision) };
}
