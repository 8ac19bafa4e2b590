// Its own entry in the page (added by vite.config.ts), with only the small platform client
// (src/ui/api.ts) as a dependency, so it runs as soon as a few bytes arrive: the municipality in the address is
// requested, and the api contract that checks the answer loaded, while the main chunk is still
// loading and compiling. (From the main chunk's first line both started 200–300 ms later on a cold
// page.) The answer is checked exactly like every other one; the app takes it in prefetch.ts.
import type { Output } from '../api/contract';
import { createPlatformClient } from './api';

interface EarlyAnswer {
  id: string;
  answer: Promise<Output<'municipality.live'>>;
}

interface EarlyPortfolio {
  packs: Promise<Output<'packs.list'>>;
  /** The first pack's portfolio, names shown: what the portfolio screen opens with. */
  portfolio: Promise<Output<'portfolio.get'>>;
}

declare global {
  interface Window {
    /** The checked answer to `municipality.live` for the address the page opened with, taken once by the app. */
    milepaelEarly?: EarlyAnswer;
    /** The checked answers the portfolio opens with, when the page opened on it; taken once by the app. */
    milepaelEarlyPortfolio?: EarlyPortfolio;
  }
}

/** The municipality in a `#/kommune/<id>/…` address (router.ts's parseRoute would bring React along). */
function municipalityInAddress(): string | null {
  const match = /^#?\/kommune\/([^/]+)/.exec(window.location.hash);
  if (!match?.[1]) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return null;
  }
}

performance.mark('milepael:early-fetch');
// The first use of localStorage opens the profile's storage (~10 ms on a cold start); here it
// happens while the main chunk is still loading, not when React first renders (the language).
localStorage.getItem('milepael.language');
const id = municipalityInAddress();
if (id !== null) {
  const answer = createPlatformClient().call('municipality.live', { id });
  answer.catch(() => undefined); // The screen that takes it reports a failure.
  window.milepaelEarly = { id, answer };
} else if (/^#?\/portefoelje(?:$|[/?])/.test(window.location.hash)) {
  // Both at once: asking for the portfolio only after the pack list was checked waited for the
  // main chunk (the check needs the contract), ~600 ms into a cold load of 500 municipalities.
  const client = createPlatformClient();
  const packs = client.call('packs.list', {});
  const portfolio = client.call('portfolio.get', { anonymise: false });
  packs.catch(() => undefined); // The screen asks again and reports a failure.
  portfolio.catch(() => undefined);
  window.milepaelEarlyPortfolio = { packs, portfolio };
}
