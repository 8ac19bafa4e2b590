import Conf from 'conf';
import path from 'node:path';
import type { SettingsStore } from './port';

interface Settings {
  workspaceDir?: string;
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
      schema: { workspaceDir: { type: 'string' } },
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
    return path.join(path.dirname(this.conf.path), 'workspace');
  }
}
