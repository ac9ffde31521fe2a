import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { APP_COMMAND_CHANNEL } from '../common/ipc/app-commands';
import { createBridge } from '../common/ipc/create-api';
import { API_GLOBAL } from '../common/ipc/ipc-contract';
import type { Result } from '../common/result';

// The whole preload surface: the named methods of the contract and menu commands, nothing generic.
contextBridge.exposeInMainWorld(
  API_GLOBAL,
  createBridge(
    (channel, input) => ipcRenderer.invoke(channel, input) as Promise<Result<unknown>>,
    (relay) => {
      // The event (and its sender) never reaches the page: only the payload, checked by createBridge.
      const listener = (_event: IpcRendererEvent, payload: unknown) => relay(payload);
      ipcRenderer.on(APP_COMMAND_CHANNEL, listener);
      return () => void ipcRenderer.removeListener(APP_COMMAND_CHANNEL, listener);
    },
  ),
);
