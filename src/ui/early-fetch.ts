// Its own entry in index.html, with no imports, so it runs as soon as its few bytes arrive: the
// municipality in the address is requested while the main chunk is still loading and compiling
// (from the main chunk's first line it started ~200 ms later on a cold page), and checked against
// the api contract in a worker (answer-worker.ts). Where no worker can start, the app checks the
// raw answer itself when it takes it (prefetch.ts), as it checks every other answer.
import type { AnswerToCheck, CheckedAnswer } from './answer-worker';

interface EarlyAnswer {
  id: string;
  raw: Promise<unknown>;
  /** Rejects when the worker could not run; then `raw` is checked on the main thread. */
  checked: Promise<CheckedAnswer>;
}

declare global {
  interface Window {
    /** The raw answer to `municipality.live` for the address the page opened with, taken once by the app. */
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

function checkInWorker(id: string, raw: Promise<unknown>): Promise<CheckedAnswer> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./answer-worker.ts', import.meta.url), { type: 'module', name: 'milepael-answer-check' });
    const done = () => worker.terminate();
    worker.onmessage = (event: MessageEvent<CheckedAnswer>) => {
      performance.mark('milepael:answer-checked');
      resolve(event.data);
      done();
    };
    worker.onerror = (event) => {
      event.preventDefault();
      reject(new Error('the answer could not be checked in a worker'));
      done();
    };
    raw.then(
      (answer) => {
        performance.mark('milepael:answer-arrived');
        worker.postMessage({ id, raw: answer } satisfies AnswerToCheck);
      },
      (error: unknown) => {
        reject(error instanceof Error ? error : new Error(String(error)));
        done();
      },
    );
  });
}

performance.mark('milepael:early-fetch');
// The first use of localStorage opens the profile's storage (~10 ms on a cold start); here it
// happens while the main chunk is still loading, not when React first renders (the language).
localStorage.getItem('milepael.language');
const id = municipalityInAddress();
if (id !== null) {
  const raw = request(id);
  let checked: Promise<CheckedAnswer>;
  try {
    checked = checkInWorker(id, raw);
  } catch (error) {
    checked = Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
  // The screen that takes them reports a failure.
  raw.catch(() => undefined);
  checked.catch(() => undefined);
  window.milepaelEarly = { id, raw, checked };
}

export {};
