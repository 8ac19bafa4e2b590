/** How this computer works with the team: its own workspace, a shared folder, or a team server. */
export type SharingMode = 'alone' | 'folder' | 'server';

/** App settings kept apart from the workspace: they belong to this computer, not to the data. */
export interface SettingsStore {
  /** The folder the user chose for the workspace, or undefined for the default. */
  getWorkspaceDir(): string | undefined;
  setWorkspaceDir(dir: string | undefined): void;
  /** The default workspace: a folder in the OS's app-data folder. */
  defaultWorkspaceDir(): string;
  /** The chosen mode; undefined for settings written before the choice existed. */
  getSharingMode(): SharingMode | undefined;
  setSharingMode(mode: SharingMode): void;
  /** The team server's address as the user gave it (never the key: that lives in its own 0600 file). */
  getTeamServer(): string | undefined;
  setTeamServer(url: string | undefined): void;
  /** The folder the settings live in; the key file and the team servers' local copies go beside them. */
  settingsDir(): string;
}

/** The mode settings written before the choice existed mean: a chosen folder is a shared folder. */
export function sharingModeOf(settings: SettingsStore): SharingMode {
  return settings.getSharingMode() ?? (settings.getWorkspaceDir() === undefined ? 'alone' : 'folder');
}
