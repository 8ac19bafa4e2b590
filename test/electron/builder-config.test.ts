import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

// electron-builder's own check, the one `npm run dist` runs first, against its configuration schema.
const require = createRequire(import.meta.url);
const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
  validateConfiguration: (config: unknown, logger: { isEnabled: boolean; add: () => void }) => Promise<void>;
};
const logger = { isEnabled: false, add: () => undefined };

describe('electron-builder.yml', () => {
  it('is valid against electron-builder\'s configuration schema and targets every platform', async () => {
    const config = parse(await readFile(new URL('../../electron-builder.yml', import.meta.url), 'utf8')) as Record<string, { target?: string[] }>;
    await expect(validateConfiguration(config, logger)).resolves.toBeUndefined();
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.win?.target).toEqual(['nsis']);
    expect(config.mac?.target).toEqual(['dmg']);
    expect(config.appId).toBe('dk.milepael.app');
    expect(config.afterPack).toBe('scripts/after-pack.mjs');
    // Loading the validator's schema takes seconds on a busy machine.
  }, 60_000);

  it('would be refused with a misspelt option, so the check is real', async () => {
    const config = parse(await readFile(new URL('../../electron-builder.yml', import.meta.url), 'utf8')) as Record<string, Record<string, unknown>>;
    await expect(validateConfiguration({ ...config, linux: { ...config.linux, targte: ['deb'] } }, logger)).rejects.toThrow(/Invalid configuration object/);
  });
});
