import { createApiClient, type ApiClient, type Transport } from '../api/client';
import type { Method } from '../api/methods';

interface MilepaelBridge {
  invoke: (method: Method, payload: unknown) => Promise<unknown>;
  subscribe: (listener: (event: unknown) => void) => () => void;
}

/** Events the desktop menu sends to the page. */
export type DesktopEvent = { action: 'export' } | { action: 'plan' } | { action: 'imported'; id: string } | { action: 'share' };

/** Listens for desktop menu events; a no-op in the browser edition, which has no menu. */
export function subscribeDesktopEvents(listener: (event: DesktopEvent) => void): () => void {
  const bridge = window.milepael;
  if (!bridge) return () => undefined;
  return bridge.subscribe((raw) => {
    if (typeof raw !== 'object' || raw === null || !('action' in raw)) return;
    const event = raw as { action: unknown; id?: unknown };
    if (event.action === 'export') listener({ action: 'export' });
    else if (event.action === 'plan') listener({ action: 'plan' });
    else if (event.action === 'imported' && typeof event.id === 'string') listener({ action: 'imported', id: event.id });
    else if (event.action === 'share') listener({ action: 'share' });
  });
}

declare global {
  interface Window {
    /** Present only in the desktop app, exposed by electron/preload.ts. */
    milepael?: MilepaelBridge;
  }
}

const TOKEN_KEY = 'milepael.token';
const TOKEN_HEADER = 'x-milepael-token';

/** The browser edition's token arrives once in the address; keep it for this tab and hide it. */
function browserToken(): string {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

function httpTransport(): Transport {
  const token = browserToken();
  return async (method, input) => {
    const response = await fetch(`/api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token },
      body: JSON.stringify(input),
    });
    return response.json() as Promise<unknown>;
  };
}

export function createPlatformClient(): ApiClient {
  const bridge = window.milepael;
  return createApiClient(bridge ? (method, input) => bridge.invoke(method, input) : httpTransport());
}

/** Something changed in the workspace: a municipality (by id) or the list of municipalities. */
export interface WorkspaceEvent {
  id?: string;
}
export type SubscribeWorkspace = (listener: (event: WorkspaceEvent) => void) => () => void;

/** Streams the browser edition's /api/events; reconnects after a pause when the stream drops. */
function browserWorkspaceEvents(listener: (event: WorkspaceEvent) => void): () => void {
  let stopped = false;
  const controller = new AbortController();
  const connect = async () => {
    while (!stopped) {
      try {
        const response = await fetch('/api/events', { headers: { [TOKEN_HEADER]: browserToken() }, signal: controller.signal });
        if (!response.ok || !response.body) throw new Error('no event stream');
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          const blocks = buffer.split('\n\n');
          buffer = blocks.pop() ?? '';
          for (const block of blocks) {
            if (!block.startsWith('data: ')) continue;
            try {
              const data = JSON.parse(block.slice(6)) as { type?: unknown; id?: unknown };
              listener(typeof data.id === 'string' ? { id: data.id } : {});
            } catch {
              // Not ours; ignore.
            }
          }
        }
      } catch {
        if (stopped) return;
      }
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
  };
  void connect();
  return () => {
    stopped = true;
    controller.abort();
  };
}

/** Another window's or app's changes, in the desktop app (IPC) or the browser edition (event stream). */
export const subscribeWorkspaceEvents: SubscribeWorkspace = (listener) => {
  const bridge = window.milepael;
  if (!bridge) return browserWorkspaceEvents(listener);
  return bridge.subscribe((raw) => {
    if (typeof raw !== 'object' || raw === null || (raw as { action?: unknown }).action !== 'changed') return;
    const id = (raw as { id?: unknown }).id;
    listener(typeof id === 'string' ? { id } : {});
  });
};
