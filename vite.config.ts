import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const EARLY_ENTRY = 'early-fetch';

/**
 * src/ui/early-fetch.ts is an entry of its own, announced in the page's head as an async module:
 * it asks for the municipality in the address while the main chunk is still loading. (Vite joins
 * every module script written in index.html into one entry, so the tag is added after bundling.)
 */
function earlyFetchTag(): Plugin {
  return {
    name: 'milepael-early-fetch',
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        const chunk = Object.values(context.bundle ?? {}).find((output) => output.type === 'chunk' && output.isEntry && output.name === EARLY_ENTRY);
        if (!chunk) return html;
        // First of the page's scripts, so its request goes out before the main chunk's; after the
        // Content-Security-Policy meta, which covers only what follows it.
        const tag = `\n    <script type="module" async crossorigin src="./${chunk.fileName}"></script>`;
        // The Latin faces of the typeface, asked for with the scripts: otherwise the browser finds them
        // only at the first layout, and lays the page out again when each one arrives.
        const fonts = Object.keys(context.bundle ?? {})
          .filter((name) => /inter-latin-(400|600|700)-normal-[^/]*\.woff2$/.test(name))
          .map((name) => `\n    <link rel="preload" as="font" type="font/woff2" crossorigin href="./${name}" />`)
          .join('');
        return html.replace(/(<meta http-equiv="Content-Security-Policy"[^>]*>)/, `$1${tag}${fonts}`);
      },
    },
  };
}

/** The renderer build, shared by the browser edition (`npm run build:ui`) and electron-vite. */
export const rendererConfig = {
  root: 'src/ui',
  base: './',
  plugins: [react(), earlyFetchTag()],
  build: {
    outDir: '../../out/renderer',
    emptyOutDir: true,
    chunkSizeWarningLimit: 600,
    // The page's own modulepreload links stay; a dynamic import() preloads nothing. Vite's helper
    // for that made a <link> per dependency on the main thread: ~70 ms in a profile of a cold
    // load, for files the page already had or a local server sends in a millisecond.
    modulePreload: { resolveDependencies: (_file: string, deps: string[], { hostType }: { hostType: 'html' | 'js' }) => (hostType === 'html' ? deps : []) },
    rollupOptions: { input: { index: resolve('src/ui/index.html'), [EARLY_ENTRY]: resolve('src/ui/early-fetch.ts') } },
  },
};

export default defineConfig(rendererConfig);
