import Conf from 'conf';
import path from 'node:path';
import type { SettingsStore, SharingMode } from './port';

interface Settings {
  workspaceDir?: string;
  sharingMode?: SharingMode;
  teamServer?: string;
}

/**
 * Settings for the browser edition and the CLI, through conf — the engine electron-store
 * wraps — so both editions keep the same settings format in the OS's config folder.
 */
export class ConfSettings implements SettingsStore {
  private readonly conf: Conf<Settings>;

  constructor(options: { cwd?: string } = {}) {
    this.conf = new Conf<Settings>({
      projectName: 'milepael',
      configName: 'settings',
      ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
      schema: { workspaceDir: { type: 'string' }, sharingMode: { type: 'string', enum: ['alone', 'folder', 'server'] }, teamServer: { type: 'string' } },
      clearInvalidConfig: true,
    });
  }

  getWorkspaceDir(): string | undefined {
    return this.conf.get('workspaceDir');
  }

  setWorkspaceDir(dir: string | undefined): void {
    if (dir === undefined) this.conf.delete('workspaceDir');
    else this.conf.set('workspaceDir', dir);
  }

  defaultWorkspaceDir(): string {
    return path.join(this.settingsDir(), 'workspace');
  }

  getSharingMode(): SharingMode | undefined {
    return this.conf.get('sharingMode');
  }

  setSharingMode(mode: SharingMode): void {
    this.conf.set('sharingMode', mode);
  }

  getTeamServer(): string | undefined {
    return this.conf.get('teamServer');
  }

  setTeamServer(url: string | undefined): void {
    if (url === undefined) this.conf.delete('teamServer');
    else this.conf.set('teamServer', url);
  }

  settingsDir(): string {
    return path.dirname(this.conf.path);
  }
}
