// Imported first by main.tsx: ES modules run in import order, so the municipality in the address
// is requested before the screens' modules are evaluated and React renders.
import { createPlatformClient } from './api';
import { prefetchFromAddress } from './prefetch';

prefetchFromAddress(createPlatformClient(), window.location.hash);
