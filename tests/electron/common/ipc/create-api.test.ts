import { describe, expect, it } from 'vitest';
import { createApi } from '../../../../electron/common/ipc/create-api';
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
