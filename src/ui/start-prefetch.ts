// Imported first by main.tsx: ES modules run in import order, so the municipality in the address
// is requested before the screens' modules are evaluated and React renders.
import { createPlatformClient } from './api';
import { prefetchFromAddress, prefetchPortfolio } from './prefetch';
import { parseRoute } from './router';
import { preloadTab } from './screens/tab-views';
import { preloadScreen } from './screens/lazy-screens';

const client = createPlatformClient();
prefetchFromAddress(client, window.location.hash);
prefetchPortfolio(client, window.location.hash);
// Any tab but the dashboard: its code downloads while the main chunk is evaluated. (The dashboard's
// pictures load when the numbers have rendered: importing them here ran their code before that.)
const route = parseRoute(window.location.hash);
if (route.screen === 'municipality') {
  if (route.tab !== 'dashboard') preloadTab(route.tab);
}
else preloadScreen(route.screen);
