import { TeamClientAdapter, type TeamClientOptions } from './client-adapter';

/**
 * The client side of the team server, for `openEngine({ network: [connectToTeamServer(url, key)] })`.
 * The local Repo keeps its own storage, so the app works offline; the adapter reconnects by
 * itself and automerge-repo exchanges whatever either side is missing.
 */
export function connectToTeamServer(serverUrl: string, key: string, options: Omit<TeamClientOptions, 'serverUrl' | 'key'> = {}): TeamClientAdapter {
  return new TeamClientAdapter({ serverUrl, key, ...options });
}
