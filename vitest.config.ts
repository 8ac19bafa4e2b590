import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    globalSetup: ['test/build-node-setup.ts'],
    // Inlined so the shell tests' replacement of 'electron' reaches electron-store too.
    server: { deps: { inline: ['electron-store'] } },
  },
});
