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
  const requested = window.milepaelEarly;
  delete window.milepaelEarly;
  // Asked for (and checked) by early-fetch.ts before this code loaded, when the address was the same.
  const answer = requested?.id === route.id ? requested.answer : client.call('municipality.live', { id: route.id });
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

type Packs = Output<'packs.list'>;
type PortfolioAnswer = Output<'portfolio.get'>;

let earlyPacks: Promise<Packs> | null = null;
let earlyPortfolio: Promise<{ packId: string; portfolio: PortfolioAnswer } | null> | null = null;

/** Opened on the portfolio: the pack list and the first pack's portfolio are requested at once, not one after the other. */
export function prefetchPortfolio(client: ApiClient, hash: string): void {
  if (parseRoute(hash).screen !== 'portfolio') return;
  const requested = window.milepaelEarlyPortfolio;
  delete window.milepaelEarlyPortfolio;
  // Asked for (and checked) by early-fetch.ts before this code loaded.
  const packs = requested?.packs ?? client.call('packs.list', {});
  const first = (requested?.portfolio ?? client.call('portfolio.get', { anonymise: false })).then((portfolio) => ({ packId: portfolio.pack.id, portfolio }));
  packs.catch(() => undefined);
  first.catch(() => undefined); // The screen asks again and reports a failure.
  earlyPacks = packs;
  earlyPortfolio = first;
}

/** The prefetched pack list, handed out once. */
export function takePrefetchedPacks(): Promise<Packs> | null {
  const packs = earlyPacks;
  earlyPacks = null;
  return packs;
}

/** The prefetched portfolio when it is the one asked for (first pack, names shown), handed out once. */
export function takePrefetchedPortfolio(client: ApiClient, packId: string, anonymised: boolean): Promise<PortfolioAnswer> | null {
  const first = earlyPortfolio;
  if (!first || anonymised) return null;
  earlyPortfolio = null;
  return first.then((answer) => (answer?.packId === packId ? answer.portfolio : client.call('portfolio.get', { packId, anonymise: false })), () => client.call('portfolio.get', { packId, anonymise: false }));
}
