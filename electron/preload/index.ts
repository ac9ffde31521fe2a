import { contextBridge, ipcRenderer } from 'electron';
import { createApi } from '../common/ipc/create-api';
import { API_GLOBAL } from '../common/ipc/ipc-contract';
import type { Result } from '../common/result';

// The whole preload surface: the named methods of the contract, nothing generic.
contextBridge.exposeInMainWorld(
  API_GLOBAL,
  createApi((channel, input) => ipcRenderer.invoke(channel, input) as Promise<Result<unknown>>),
);
