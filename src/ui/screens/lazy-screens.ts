import { lazy } from 'react';

/**
 * The start screen and the portfolio as chunks of their own: a page opened on a municipality
 * (the dashboard a steering group is sent to) does not evaluate them. start-prefetch.ts starts
 * the download for the screen in the address before the main chunk runs.
 */
const loaders = {
  start: () => import('./StartScreen').then((m) => ({ default: m.StartScreen })),
  portfolio: () => import('./PortfolioScreen').then((m) => ({ default: m.PortfolioScreen })),
};

export const StartScreen = lazy(loaders.start);
export const PortfolioScreen = lazy(loaders.portfolio);

export function preloadScreen(screen: string): void {
  if (screen === 'start' || screen === 'portfolio') void loaders[screen]().catch(() => undefined);
}
