/** The path of the sync endpoint on a team server; everything else is the read-only browser UI. */
export const SYNC_PATH = '/sync';

/** The personal key travels in this header during the WebSocket upgrade, before any document. */
export const KEY_HEADER = 'x-milepael-key';

/** The largest sync message we accept: a municipality document with years of notes fits many times. */
export const MAX_MESSAGE_BYTES = 32 * 1024 * 1024;
