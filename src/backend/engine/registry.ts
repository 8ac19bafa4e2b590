import type { WorkspaceService } from '../service';
import type { EngineWorkspace } from './engine-workspace';

const engines = new WeakMap<WorkspaceService, EngineWorkspace>();

/** Remembers which engine a service runs on, so the live api reaches it without widening the service. */
export function registerEngine(service: WorkspaceService, engine: EngineWorkspace): WorkspaceService {
  engines.set(service, engine);
  return service;
}

export function engineOf(service: WorkspaceService): EngineWorkspace | null {
  return engines.get(service) ?? null;
}
