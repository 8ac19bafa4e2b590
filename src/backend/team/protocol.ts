/** The path of the sync endpoint on a team server; everything else is the read-only browser UI. */
export const SYNC_PATH = '/sync';

/** The personal key travels in this header during the WebSocket upgrade, before any document. */
export const KEY_HEADER = 'x-milepael-key';

/** The largest sync message we accept: a municipality document with years of notes fits many times. */
/**
 * Sent by the server right after its 'peer' answer to a join: what this member may do, so the app
 * can offer no editing to a viewer and list a limited member's municipalities without the
 * directory of every name (which such a member does not receive).
 */
export const MEMBER_MESSAGE = 'milepael-member';
export interface MemberInfo {
  type: typeof MEMBER_MESSAGE;
  role: 'editor' | 'viewer';
  /** Empty: every municipality on the server. */
  municipalities: string[];
}

export const MAX_MESSAGE_BYTES = 32 * 1024 * 1024;
