import type { ApiClient } from '../api/client';
import type { Output } from '../api/contract';
import { parseRoute } from './router';

type Opened = Output<'municipality.live'>;

let early: { id: string; answer: Promise<Opened> } | null = null;

/**
 * Starts reading the municipality named in the address before the app's screens are even loaded,
 * so the file is on its way while the code is parsed and React renders for the first time.
 */
export function prefetchFromAddress(client: ApiClient, hash: string): void {
  const route = parseRoute(hash);
  if (route.screen !== 'municipality') return;
  const answer = client.call('municipality.live', { id: route.id });
  answer.catch(() => undefined); // The screen that takes it reports a failure.
  early = { id: route.id, answer };
}

/** The prefetched answer for `id`, handed out once; a reload or another municipality asks the backend. */
export function takePrefetched(id: string): Promise<Opened> | null {
  if (early?.id !== id) return null;
  const { answer } = early;
  early = null;
  return answer;
}
