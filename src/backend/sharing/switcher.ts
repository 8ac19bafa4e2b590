import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Handlers } from '../../api/dispatch';
import type { SharingChoice, SharingState } from '../../api/sharing-contract';
import type { EngineOptions } from '../engine/engine-workspace';
import { engineOf } from '../engine/registry';
import { followingHandlers, ServiceHolder } from '../service-holder';
import type { WorkspaceService } from '../service';
import { sharingModeOf, type SettingsStore, type SharingMode } from '../settings/port';
import { maskKey, readTeamKey, writeTeamKey } from '../settings/team-key';
import type { TeamClientAdapter } from '../team/client-adapter';
import { connectToTeamServer } from '../team/connect';
import { checkKey, checkServerAddress, checkSharedFolder, refuse } from './validate';
import { listOwnMunicipalities } from './limited-member';

export type OpenService = (options: { location: string; engine: Omit<Partial<EngineOptions>, 'location' | 'env'> }) => Promise<WorkspaceService>;

export interface SwitcherOptions {
  settings: SettingsStore;
  /** Opens a service the way the shell does (its content folder, its PDF renderer, its warnings). */
  open: OpenService;
  /** A folder named on the command line: used instead of the saved choice, and not saved. */
  fixedFolder?: string;
  /** How long a switch to a team server waits to hear whether the key is accepted. */
  connectWaitMs?: number;
  retryMs?: number;
  warn?: (message: string) => void;
}

interface Team {
  url: string;
  adapter: TeamClientAdapter;
  key: string;
  refusal: string | null;
  service?: WorkspaceService;
}

type Resolved = { mode: 'alone' } | { mode: 'folder'; folder: string } | { mode: 'server'; url: string; key: string };

/** A local copy per server, beside the settings, so the app works offline and merges on reconnection. */
export function teamCacheDir(settingsDir: string, url: string): string {
  return path.join(settingsDir, 'team-cache', createHash('sha256').update(url).digest('hex').slice(0, 16));
}

const KEY_REFUSED =
  'Teamserveren afviste nøglen. Tjek, at du har kopieret hele nøglen, eller bed den, der driver teamserveren, om en ny. (The team server refused the key: check that you copied all of it, or ask for a new one.)';

/**
 * Alone, shared folder or team server, chosen in the app and applied without a restart: the new
 * workspace is opened and checked first, then put in place of the old one, which is closed.
 */
export class SharingSwitcher {
  readonly holder: ServiceHolder;
  #team: Team | null;
  #mode: SharingMode;
  /** The folder named on the command line is in use (until the mode is switched in the panel). */
  #fixed: boolean;
  readonly #options: SwitcherOptions;
  #switching: Promise<unknown> = Promise.resolve();

  private constructor(options: SwitcherOptions, service: WorkspaceService, mode: SharingMode, team: Team | null) {
    this.#options = options;
    this.holder = new ServiceHolder(service);
    this.#mode = mode;
    this.#team = team;
    this.#fixed = options.fixedFolder !== undefined;
  }

  static async start(options: SwitcherOptions): Promise<SharingSwitcher> {
    const settings = options.settings;
    let choice: Resolved = { mode: 'alone' };
    if (options.fixedFolder !== undefined) choice = { mode: 'folder', folder: path.resolve(options.fixedFolder) };
    else {
      const mode = sharingModeOf(settings);
      const folder = settings.getWorkspaceDir();
      const url = settings.getTeamServer();
      const key = await readTeamKey(settings.settingsDir());
      if (mode === 'folder' && folder !== undefined) choice = { mode: 'folder', folder };
      else if (mode === 'server' && url !== undefined && key !== undefined) choice = { mode: 'server', url, key };
      else if (mode === 'server') options.warn?.('team server mode is chosen but its address or key is missing; working alone');
    }
    const opened = await SharingSwitcher.#openFor(options, choice);
    return new SharingSwitcher(options, opened.service, choice.mode, opened.team);
  }

  static async #openFor(options: SwitcherOptions, choice: Resolved): Promise<{ service: WorkspaceService; team: Team | null }> {
    if (choice.mode === 'alone') return { service: await options.open({ location: options.settings.defaultWorkspaceDir(), engine: { watchFolder: true, mode: 'alone' } }), team: null };
    if (choice.mode === 'folder') return { service: await options.open({ location: choice.folder, engine: { watchFolder: true, mode: 'folder' } }), team: null };
    const team: Team = { url: choice.url, key: choice.key, refusal: null, adapter: undefined as unknown as TeamClientAdapter };
    // The reason is kept for the panel, never logged: it is about the key, and logs travel.
    const listOwn = () => {
      const engine = team.service === undefined ? null : engineOf(team.service);
      const member = team.adapter.member;
      if (engine && member && member.municipalities.length > 0) void listOwnMunicipalities(engine, member.municipalities).catch((error: unknown) => options.warn?.(`team server: ${String(error)}`));
    };
    team.adapter = connectToTeamServer(choice.url, choice.key, { retryMs: options.retryMs ?? 2000, onRefused: (reason) => (team.refusal = reason), onMember: listOwn });
    const location = teamCacheDir(options.settings.settingsDir(), choice.url);
    try {
      team.service = await options.open({ location, engine: { watchFolder: false, mode: 'server', network: [team.adapter] } });
      listOwn();
      return { service: team.service, team };
    } catch (error) {
      team.adapter.disconnect();
      throw error;
    }
  }

  state(): SharingState {
    const service = this.holder.current;
    const engine = engineOf(service);
    const team = this.#team;
    if (team?.adapter.connected) team.refusal = null;
    const folder = this.#options.settings.getWorkspaceDir() ?? this.#options.fixedFolder;
    return {
      mode: engine?.mode ?? this.#mode,
      engine: engine !== null,
      location: service.location,
      // A viewer's changes would be dropped by the server: the app offers none.
      readOnly: team?.adapter.member?.role === 'viewer',
      switchable: true,
      fixed: this.#fixed,
      ...(folder === undefined ? {} : { folder }),
      ...(team === null
        ? {}
        : { server: { url: team.url, maskedKey: maskKey(team.key), connection: team.adapter.connected ? 'connected' : team.refusal !== null ? 'refused' : 'offline' } }),
    };
  }

  /** Validates the choice, opens the new workspace, saves the choice and only then lets go of the old one. */
  apply(choice: SharingChoice): Promise<SharingState> {
    // One switch at a time: two quick clicks must not leave two engines open.
    const run = this.#switching.then(() => this.#apply(choice));
    this.#switching = run.catch(() => undefined);
    return run;
  }

  async #apply(choice: SharingChoice): Promise<SharingState> {
    const settings = this.#options.settings;
    const resolved = await this.#resolve(choice);
    const opened = await SharingSwitcher.#openFor(this.#options, resolved);
    if (opened.team) {
      const team = opened.team;
      const until = Date.now() + (this.#options.connectWaitMs ?? 3000);
      while (!team.adapter.connected && team.refusal === null && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
      if (team.refusal !== null && !team.adapter.connected) {
        const reason = team.refusal;
        await this.#close(opened.service, team);
        if (/refused the key/.test(reason)) refuse(KEY_REFUSED);
        refuse(`Teamserveren på ${team.url} svarede ikke som en Milepæl-teamserver (${reason}). Tjek adressen og porten. (The address did not answer as a Milepæl team server: check the address and port.)`);
      }
    }
    settings.setSharingMode(resolved.mode);
    if (resolved.mode === 'folder') settings.setWorkspaceDir(resolved.folder);
    if (resolved.mode === 'server') {
      settings.setTeamServer(resolved.url);
      await writeTeamKey(settings.settingsDir(), resolved.key);
    }
    const oldTeam = this.#team;
    this.#team = opened.team;
    this.#mode = resolved.mode;
    this.#fixed = false;
    await this.holder.replace(opened.service, (old) => this.#close(old, oldTeam));
    return this.state();
  }

  async #resolve(choice: SharingChoice): Promise<Resolved> {
    if (choice.mode === 'alone') return { mode: 'alone' };
    if (choice.mode === 'folder') return { mode: 'folder', folder: await checkSharedFolder(choice.folder) };
    const url = checkServerAddress(choice.url);
    const saved = this.#options.settings.getTeamServer();
    // A saved key is reused only for the server it belongs to: it must never be sent to another address.
    const savedKey = saved !== undefined && checkServerAddress(saved) === url ? await readTeamKey(this.#options.settings.settingsDir()) : undefined;
    const key = choice.key !== undefined && choice.key.trim() !== '' ? choice.key : savedKey;
    return { mode: 'server', url, key: checkKey(key) };
  }

  async #close(service: WorkspaceService, team: Team | null): Promise<void> {
    team?.adapter.disconnect();
    await engineOf(service)
      ?.close()
      .catch((error: unknown) => this.#options.warn?.(`the previous workspace did not close cleanly: ${error instanceof Error ? error.message : String(error)}`));
  }

  /** The shell's handlers, following the current service, with the two calls of this panel. */
  handlers(build: (service: WorkspaceService) => Handlers): Handlers {
    return {
      ...followingHandlers(this.holder, build),
      'workspace.sharing': () => this.state(),
      'workspace.setSharing': (choice) => this.apply(choice),
    };
  }

  async close(): Promise<void> {
    await this.#switching;
    await this.#close(this.holder.current, this.#team);
  }
}
