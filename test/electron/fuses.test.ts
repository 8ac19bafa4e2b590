import { FuseV1Options } from '@electron/fuses';
import { describe, expect, it, vi } from 'vitest';
import afterPack, { fuseConfig, packagedElectron } from '../../scripts/after-pack.mjs';

const context = (electronPlatformName: string) => ({
  appOutDir: '/build/out',
  electronPlatformName,
  packager: { appInfo: { productFilename: 'Milepæl' }, executableName: 'milepael' },
});

describe('Electron fuses at packaging (issue 15, point 8)', () => {
  it('turn off RunAsNode, NODE_OPTIONS and inspect flags, and turn on ASAR integrity and ASAR-only loading', () => {
    const config = fuseConfig('linux') as unknown as Record<number, boolean>;
    expect(config[FuseV1Options.RunAsNode]).toBe(false);
    expect(config[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(false);
    expect(config[FuseV1Options.EnableNodeCliInspectArguments]).toBe(false);
    expect(config[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(true);
    expect(config[FuseV1Options.OnlyLoadAppFromAsar]).toBe(true);
  });

  it('are flipped in the packed program of each platform', async () => {
    expect(packagedElectron(context('linux'))).toBe('/build/out/milepael');
    expect(packagedElectron(context('win32'))).toMatch(/Milepæl\.exe$/);
    expect(packagedElectron(context('darwin'))).toMatch(/Milepæl\.app$/);
    const flip = vi.fn(async () => 1);
    await afterPack(context('darwin'), flip);
    expect(flip).toHaveBeenCalledWith('/build/out/Milepæl.app', expect.objectContaining({ resetAdHocDarwinSignature: true, [FuseV1Options.RunAsNode]: false }));
  });
});
