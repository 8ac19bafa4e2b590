import { useCallback, useEffect, useState } from 'react';

export type Tab = 'checklist' | 'dashboard' | 'history' | 'flow' | 'plan' | 'evaluation' | 'method' | 'steering' | 'log';
export type Route = { screen: 'start' } | { screen: 'portfolio' } | { screen: 'municipality'; id: string; tab: Tab };

const TABS: Record<string, Tab> = { tjekliste: 'checklist', overblik: 'dashboard', udvikling: 'history', forloeb: 'flow', plan: 'plan', evaluering: 'evaluation', metoden: 'method', styring: 'steering', aendringer: 'log' };
export const SLUG: Record<Tab, string> = { checklist: 'tjekliste', dashboard: 'overblik', history: 'udvikling', flow: 'forloeb', plan: 'plan', evaluation: 'evaluering', method: 'metoden', steering: 'styring', log: 'aendringer' };

export function parseRoute(hash: string): Route {
  if (/^#?\/portefoelje\/?$/.test(hash)) return { screen: 'portfolio' };
  const match = /^#?\/kommune\/([^/]+)(?:\/([a-z]+))?\/?$/.exec(hash);
  if (!match?.[1]) return { screen: 'start' };
  return { screen: 'municipality', id: decodeURIComponent(match[1]), tab: TABS[match[2] ?? ''] ?? 'checklist' };
}

export function routePath(route: Route): string {
  if (route.screen === 'portfolio') return '#/portefoelje';
  return route.screen === 'start' ? '#/' : `#/kommune/${encodeURIComponent(route.id)}/${SLUG[route.tab]}`;
}

/**
 * Hash addresses, so reload and the back button work in the browser edition and under
 * Electron's file:// alike; no router library needed for three screens.
 */
export function useRoute(): [Route, (route: Route) => void] {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  const navigate = useCallback((next: Route) => {
    window.location.hash = routePath(next);
    window.scrollTo(0, 0);
  }, []);
  return [route, navigate];
}
