import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import { rendererConfig } from './vite.config';

export default defineConfig({
  main: {
    build: { outDir: 'out/main', rollupOptions: { input: { index: resolve('electron/main.ts') } } },
  },
  preload: {
    // A sandboxed preload cannot load node_modules, so everything it uses is bundled in.
    build: { outDir: 'out/preload', externalizeDeps: false, rollupOptions: { input: { index: resolve('electron/preload.ts') }, output: { format: 'cjs', entryFileNames: '[name].cjs' } } },
  },
  // The same renderer build as the browser edition's, so both editions run identical UI code.
  renderer: { ...rendererConfig, build: { ...rendererConfig.build, outDir: resolve('out/renderer'), minify: true } },
});
