import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { ApiResponse } from '../src/api/contract';
import { dispatch, type Handlers } from '../src/api/dispatch';

export const INVOKE_CHANNEL = 'milepael:invoke';
export const EVENT_CHANNEL = 'milepael:event';

/**
 * The only IPC entry point. The sender must be our own page; the method and payload are
 * checked against the contract by `dispatch` before any handler runs.
 */
export function registerApi(ipcMain: IpcMain, handlers: Handlers, isTrustedSender: (event: IpcMainInvokeEvent) => boolean): void {
  ipcMain.handle(INVOKE_CHANNEL, async (event, method: unknown, payload: unknown): Promise<ApiResponse> => {
    if (!isTrustedSender(event)) return { ok: false, error: { code: 'invalid_input', message: 'refused: the request did not come from Milepæl\'s own window' } };
    return dispatch(handlers, method, payload);
  });
}
