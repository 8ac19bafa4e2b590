import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

export default defineConfig({
  main: {
    build: { outDir: 'out/main', rollupOptions: { input: { index: resolve('electron/main.ts') } } },
  },
  preload: {
    // A sandboxed preload cannot load node_modules, so everything it uses is bundled in.
    build: { outDir: 'out/preload', externalizeDeps: false, rollupOptions: { input: { index: resolve('electron/preload.ts') }, output: { format: 'cjs', entryFileNames: '[name].cjs' } } },
  },
  renderer: {
    root: 'src/ui',
    plugins: [react()],
    build: { outDir: 'out/renderer', rollupOptions: { input: resolve('src/ui/index.html') } },
  },
});
