import { describe, expect, it } from 'vitest';
import { createApi, createBridge } from '../../../../electron/common/ipc/create-api';
import { CHANNELS, METHODS } from '../../../../electron/common/ipc/ipc-contract';
import { ok } from '../../../../electron/common/result';

describe('createApi', () => {
  it('exposes exactly the named methods of the contract, each invoking its own channel', async () => {
    const calls: [string, unknown][] = [];
    const api = createApi(async (channel, input) => {
      calls.push([channel, input]);
      return ok(channel);
    });
    expect(Object.keys(api).sort()).toEqual([...METHODS].sort());
    expect(Object.isFrozen(api)).toBe(true);
    expect('invoke' in api || 'send' in api || 'on' in api).toBe(false);
    await api.getDocument({ id: 'x' });
    await api.listDocuments();
    expect(calls).toEqual([
      [CHANNELS.getDocument, { id: 'x' }],
      [CHANNELS.listDocuments, undefined],
    ]);
  });
});

describe('createBridge', () => {
  it('adds menu commands to the API, passing on known command names only', () => {
    let relay: ((payload: unknown) => void) | undefined;
    let unsubscribed = false;
    const bridge = createBridge(
      async () => ok(null),
      (r) => {
        relay = r;
        return () => {
          unsubscribed = true;
        };
      },
    );
    expect(Object.keys(bridge).sort()).toEqual([...METHODS, 'onCommand'].sort());
    const seen: string[] = [];
    const stop = bridge.onCommand((command) => seen.push(command));
    relay!('open-corpus');
    relay!('rm -rf');
    relay!({ command: 'open-corpus' });
    relay!('build-corpus');
    expect(seen).toEqual(['open-corpus', 'build-corpus']);
    stop();
    expect(unsubscribed).toBe(true);
  });
});
