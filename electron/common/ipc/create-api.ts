import type { Result } from '../result';
import { CHANNELS, METHODS, type CarrelApi } from './ipc-contract';

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
