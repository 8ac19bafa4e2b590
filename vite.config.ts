import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The renderer build, shared by the browser edition (`npm run build:ui`) and electron-vite. */
export const rendererConfig = {
  root: 'src/ui',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../../out/renderer',
    emptyOutDir: true,
    chunkSizeWarningLimit: 600,
  },
};

export default defineConfig(rendererConfig);
