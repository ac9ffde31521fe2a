import type { IpcMain } from 'electron';
import { CHANNELS, METHODS } from '../common/ipc/ipc-contract';
import { fail } from '../common/result';
import type { HandlerTable } from '../node/ipc/handler-table';
import { isTrustedSender } from './security/trusted-sender';

/** Registers the handler table on ipcMain, refusing calls from any frame but the app's own. */
export function registerIpc(ipcMain: IpcMain, table: HandlerTable): void {
  for (const method of METHODS) {
    ipcMain.handle(CHANNELS[method], (event, input: unknown) => {
      if (!isTrustedSender(event.senderFrame)) {
        return fail('forbidden', 'This request did not come from Carrel’s own window.');
      }
      // The window is the caller: its newer search supersedes its older one.
      return table[method](input, event.sender.id);
    });
  }
}
