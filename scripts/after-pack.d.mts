import type { FuseConfig } from '@electron/fuses';

export interface PackContext {
  appOutDir: string;
  electronPlatformName: string;
  packager: { appInfo: { productFilename: string }; executableName: string };
}

export function fuseConfig(platform: string): FuseConfig;
export function packagedElectron(context: PackContext): string;
export default function afterPack(context: PackContext, flip?: (electron: string, config: FuseConfig) => Promise<unknown>): Promise<void>;
