import type { Handlers } from '../api/dispatch';
import type { Method } from '../api/methods';
import type { WorkspaceService } from './service';
import type { EngineEvent } from './engine/engine-workspace';
import { engineOf } from './engine/registry';

/**
 * The workspace service the api handlers use right now. Switching between alone, a shared
 * folder and a team server opens a new service; the transports keep the handlers they
 * registered at start, so those handlers look the service up here on every call.
 */
export class ServiceHolder {
  #service: WorkspaceService;
  readonly #listeners = new Set<(service: WorkspaceService) => void>();

  constructor(service: WorkspaceService) {
    this.#service = service;
  }

  get current(): WorkspaceService {
    return this.#service;
  }

  /** Puts `next` in place first and then closes the old one, so no call meets a closed engine. */
  async replace(next: WorkspaceService, closeOld: (old: WorkspaceService) => Promise<void>): Promise<void> {
    const old = this.#service;
    this.#service = next;
    for (const listener of this.#listeners) listener(next);
    if (old !== next) await closeOld(old);
  }

  onReplace(listener: (service: WorkspaceService) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}

/**
 * Handlers that follow the holder. Each service gets its handlers built once (presence keeps
 * state per service), and the handler of the service current at the call's start answers it.
 */
export function followingHandlers(holder: ServiceHolder, build: (service: WorkspaceService) => Handlers): Handlers {
  const built = new WeakMap<WorkspaceService, Handlers>();
  const handlersOf = (service: WorkspaceService): Handlers => {
    let handlers = built.get(service);
    if (!handlers) {
      handlers = build(service);
      built.set(service, handlers);
    }
    return handlers;
  };
  const first = handlersOf(holder.current);
  return Object.fromEntries(
    (Object.keys(first) as Method[]).map((method) => [method, (input: unknown) => (handlersOf(holder.current)[method] as (input: unknown) => unknown)(input)]),
  ) as Handlers;
}

/**
 * Workspace events from whichever engine is current. After a switch the page is told that the
 * list changed (a directory event), so it shows the new workspace's municipalities.
 */
export function followingEvents(holder: ServiceHolder): (push: (event: EngineEvent) => void) => () => void {
  return (push) => {
    let stop = eventsOf(holder.current, push);
    const off = holder.onReplace((service) => {
      stop();
      stop = eventsOf(service, push);
      push({ type: 'directory' });
    });
    return () => {
      stop();
      off();
    };
  };
}

function eventsOf(service: WorkspaceService, push: (event: EngineEvent) => void): () => void {
  const engine = engineOf(service);
  if (!engine) return () => undefined;
  const stop = engine.subscribe(push);
  if (engine.mode !== 'server') return stop;
  // A municipality the team server sends is listed only once its document is stored here, and
  // neither its arrival nor a change to one nobody here has open is an engine event: tell the page.
  // The repo reports saves just before writing, so the page is told a moment after the last of a
  // burst; municipalities that arrive as a whole are found by looking once a second.
  let timer: ReturnType<typeof setTimeout> | undefined;
  const soon = () => {
    clearTimeout(timer);
    timer = setTimeout(() => push({ type: 'directory' }), 400);
  };
  const saved = (event: { type?: string }) => {
    if (event.type === 'doc-saved' || event.type === 'doc-compacted') soon();
  };
  const stored = new Set<string>();
  let looking = false;
  const look = setInterval(() => {
    if (looking) return;
    looking = true;
    void (async () => {
      let arrived = false;
      for (const id of await engine.listIds()) {
        if (stored.has(id) || (await engine.stat(id)) === null) continue;
        stored.add(id);
        arrived = true;
      }
      if (arrived) push({ type: 'directory' });
    })()
      .catch(() => undefined)
      .finally(() => (looking = false));
  }, 1000);
  look.unref();
  engine.repo.on('doc-metrics', saved);
  return () => {
    clearTimeout(timer);
    clearInterval(look);
    stop();
    engine.repo.off('doc-metrics', saved);
  };
}
