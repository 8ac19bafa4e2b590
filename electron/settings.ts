import path from 'node:path';
import Store from 'electron-store';
import type { SettingsStore } from '../src/backend/settings/port';
import type { WindowBounds } from './window-state';

interface DesktopSettings {
  workspaceDir?: string;
  windowBounds?: WindowBounds;
}

/** The desktop app's settings through electron-store, in Electron's userData folder. */
export class ElectronStoreSettings implements SettingsStore {
  private readonly store = new Store<DesktopSettings>({ name: 'settings', clearInvalidConfig: true });

  constructor(private readonly userData: string) {}

  getWorkspaceDir(): string | undefined {
    return this.store.get('workspaceDir');
  }

  setWorkspaceDir(dir: string | undefined): void {
    if (dir === undefined) this.store.delete('workspaceDir');
    else this.store.set('workspaceDir', dir);
  }

  defaultWorkspaceDir(): string {
    return path.join(this.userData, 'workspace');
  }

  getWindowBounds(): unknown {
    return this.store.get('windowBounds');
  }

  setWindowBounds(bounds: WindowBounds): void {
    this.store.set('windowBounds', bounds);
  }
}
