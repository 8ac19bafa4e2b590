import path from 'node:path';
import Store from 'electron-store';
import type { SettingsStore, SharingMode } from '../src/backend/settings/port';
import type { WindowBounds } from './window-state';

interface DesktopSettings {
  workspaceDir?: string;
  sharingMode?: SharingMode;
  teamServer?: string;
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

  getSharingMode(): SharingMode | undefined {
    const mode = this.store.get('sharingMode');
    return mode === 'alone' || mode === 'folder' || mode === 'server' ? mode : undefined;
  }

  setSharingMode(mode: SharingMode): void {
    this.store.set('sharingMode', mode);
  }

  getTeamServer(): string | undefined {
    const url = this.store.get('teamServer');
    return typeof url === 'string' ? url : undefined;
  }

  setTeamServer(url: string | undefined): void {
    if (url === undefined) this.store.delete('teamServer');
    else this.store.set('teamServer', url);
  }

  settingsDir(): string {
    return this.userData;
  }

  getWindowBounds(): unknown {
    return this.store.get('windowBounds');
  }

  setWindowBounds(bounds: WindowBounds): void {
    this.store.set('windowBounds', bounds);
  }
}
