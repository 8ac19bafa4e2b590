// Its own entry in the page (added by vite.config.ts), with only the small api client as a
// dependency, so it runs as soon as a few bytes arrive: the municipality in the address is
// requested, and the api contract that checks the answer loaded, while the main chunk is still
// loading and compiling. (From the main chunk's first line both started 200–300 ms later on a cold
// page.) The answer is checked exactly like every other one; the app takes it in prefetch.ts.
import { createApiClient } from '../api/client';
import type { Output } from '../api/contract';

interface EarlyAnswer {
  id: string;
  answer: Promise<Output<'municipality.live'>>;
}

declare global {
  interface Window {
    /** The checked answer to `municipality.live` for the address the page opened with, taken once by the app. */
    milepaelEarly?: EarlyAnswer;
  }
}

// The same names as api.ts uses for the browser edition's token.
const TOKEN_KEY = 'milepael.token';
const TOKEN_HEADER = 'x-milepael-token';

function municipalityInAddress(): string | null {
  const match = /^#?\/kommune\/([^/]+)/.exec(window.location.hash);
  if (!match?.[1]) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return null;
  }
}

function request(id: string): Promise<unknown> {
  const input = { id };
  if (window.milepael) return window.milepael.invoke('municipality.live', input);
  const token = new URL(window.location.href).searchParams.get('token') ?? sessionStorage.getItem(TOKEN_KEY) ?? '';
  return fetch('/api/municipality.live', { method: 'POST', headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token }, body: JSON.stringify(input) }).then((response) => response.json() as Promise<unknown>);
}

performance.mark('milepael:early-fetch');
// The first use of localStorage opens the profile's storage (~10 ms on a cold start); here it
// happens while the main chunk is still loading, not when React first renders (the language).
localStorage.getItem('milepael.language');
const id = municipalityInAddress();
if (id !== null) {
  const answer = createApiClient(() => request(id)).call('municipality.live', { id });
  answer.catch(() => undefined); // The screen that takes it reports a failure.
  window.milepaelEarly = { id, answer };
}
