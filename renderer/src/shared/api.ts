import { API_GLOBAL, type CarrelBridge } from '@common/ipc/ipc-contract';

declare global {
  interface Window {
    [API_GLOBAL]?: CarrelBridge;
  }
}

/** The preload's API. Missing only when the page runs outside Carrel's shell or harness. */
export function api(): CarrelBridge {
  const bridge = window[API_GLOBAL];
  if (!bridge) throw new Error('Carrel’s bridge to its services is missing: open this page through the Carrel app.');
  return bridge;
}
