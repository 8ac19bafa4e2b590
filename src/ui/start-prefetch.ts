// Imported first by main.tsx: ES modules run in import order, so the municipality in the address
// is requested before the screens' modules are evaluated and React renders.
import { createPlatformClient } from './api';
import { preloadDashboardPictures } from './charts/DashboardView';
import { prefetchFromAddress, prefetchPortfolio } from './prefetch';
import { parseRoute } from './router';
import { preloadTab } from './screens/tab-views';
import { preloadScreen } from './screens/lazy-screens';

const client = createPlatformClient();
prefetchFromAddress(client, window.location.hash);
prefetchPortfolio(client, window.location.hash);
// Opened straight on the dashboard: the charts' code downloads while the numbers render.
const route = parseRoute(window.location.hash);
if (route.screen === 'municipality' && route.tab === 'dashboard') void preloadDashboardPictures();
// Any other tab: its code downloads while the main chunk is evaluated.
else if (route.screen === 'municipality') preloadTab(route.tab);
else preloadScreen(route.screen);
