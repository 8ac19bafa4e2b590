import { execFileSync } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { _electron } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { findElectronBinary } from '../../scripts/electron-binary.mjs';

const electron = findElectronBinary();
const skipReason = 'missing' in electron ? electron.missing : null;
if (skipReason) console.info(`Electron e2e test skipped: ${skipReason}.`);

describe.skipIf(skipReason !== null)(`the desktop app in Electron${skipReason ? ` — skipped: ${skipReason}` : ''}`, () => {
  it('starts, shows the Danish start screen and answers api calls over IPC', { timeout: 120_000 }, async () => {
    execFileSync('npx', ['electron-vite', 'build'], { stdio: 'ignore' });
    const userData = await mkdtemp(path.join(tmpdir(), 'milepael-desktop-'));
    const app = await _electron.launch({ executablePath: 'path' in electron ? electron.path : '', args: ['.', `--user-data-dir=${userData}`] });
    try {
      const page = await app.firstWindow();
      await page.getByRole('heading', { name: 'Kommuner' }).waitFor();
      expect(await page.evaluate('typeof window.require + typeof window.process')).toBe('undefinedundefined');
      await page.getByRole('button', { name: 'Opret eksempelkommune' }).click();
      await expect.poll(() => page.getByTestId('overall-score').textContent()).toMatch(/%/);
    } finally {
      await app.close();
    }
  });
});
