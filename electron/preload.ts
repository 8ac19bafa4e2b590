// Runs sandboxed before the page: exposes exactly `invoke` and `subscribe`, nothing of Node or IPC.
import { contextBridge, ipcRenderer } from 'electron';
import { isMethod } from '../src/api/methods';

const INVOKE_CHANNEL = 'milepael:invoke';
const EVENT_CHANNEL = 'milepael:event';

contextBridge.exposeInMainWorld('milepael', {
  invoke: (method: unknown, payload: unknown) => {
    if (!isMethod(method)) return Promise.reject(new Error(`unknown api method ${String(method)}`));
    return ipcRenderer.invoke(INVOKE_CHANNEL, method, payload) as Promise<unknown>;
  },
  subscribe: (listener: (event: unknown) => void) => {
    const wrapped = (_event: unknown, payload: unknown) => listener(payload);
    ipcRenderer.on(EVENT_CHANNEL, wrapped);
    return () => ipcRenderer.removeListener(EVENT_CHANNEL, wrapped);
  },
});
