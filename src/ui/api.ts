import { createApiClient, type ApiClient, type Transport } from '../api/client';
import type { Method } from '../api/methods';

interface MilepaelBridge {
  invoke: (method: Method, payload: unknown) => Promise<unknown>;
  subscribe: (listener: (event: unknown) => void) => () => void;
}

/** Events the desktop menu sends to the page. */
export type DesktopEvent = { action: 'export' } | { action: 'plan' } | { action: 'imported'; id: string };

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
