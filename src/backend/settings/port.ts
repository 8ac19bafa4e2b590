/** App settings kept apart from the workspace: they belong to this computer, not to the data. */
export interface SettingsStore {
  /** The folder the user chose for the workspace, or undefined for the default. */
  getWorkspaceDir(): string | undefined;
  setWorkspaceDir(dir: string | undefined): void;
  /** The default workspace: a folder in the OS's app-data folder. */
  defaultWorkspaceDir(): string;
}
