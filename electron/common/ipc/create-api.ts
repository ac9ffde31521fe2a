import type { Result } from '../result';
import { isAppCommand, type AppCommand } from './app-commands';
import { CHANNELS, METHODS, type CarrelApi, type CarrelBridge } from './ipc-contract';

export type Invoke = (channel: string, input: unknown) => Promise<Result<unknown>>;

/**
 * Builds the named API from the contract over any transport: ipcRenderer.invoke in
 * the preload, a Playwright binding in the browser harness.
 */
export function createApi(invoke: Invoke): CarrelApi {
  const api: Record<string, (input?: unknown) => Promise<Result<unknown>>> = {};
  for (const method of METHODS) {
    const channel = CHANNELS[method];
    api[method] = (input?: unknown) => invoke(channel, input);
  }
  return Object.freeze(api) as unknown as CarrelApi;
}

/** Subscribes to the shell's one-way messages; the relay gets the message's payload only. */
export type Subscribe = (relay: (payload: unknown) => void) => () => void;

/** The API plus menu commands: only known command names reach the page's listener. */
export function createBridge(invoke: Invoke, subscribe: Subscribe): CarrelBridge {
  return Object.freeze({
    ...createApi(invoke),
    onCommand(listener: (command: AppCommand) => void) {
      return subscribe((payload) => {
        if (isAppCommand(payload)) listener(payload);
      });
    },
  });
}
