// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { callApi } from '../../../../renderer/src/shared/data/call-api';

const win = window as unknown as { carrel?: unknown };

afterEach(() => {
  delete win.carrel;
});

describe('callApi', () => {
  it('passes a Result through', async () => {
    win.carrel = { listTags: async () => ({ ok: false, error: { code: 'user-data-locked', message: 'Locked.' } }) };
    expect(await callApi('listTags', { limit: 3 })).toEqual({ ok: false, error: { code: 'user-data-locked', message: 'Locked.' } });
  });

  it('turns a rejected call into a bridge error', async () => {
    win.carrel = { listTags: () => Promise.reject(new Error('The channel closed.')) };
    expect(await callApi('listTags', {})).toEqual({ ok: false, error: { code: 'bridge', message: 'The channel closed.' } });
  });

  it('turns a missing bridge into a bridge error that says what to do', async () => {
    const result = await callApi('listTags', {});
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('bridge');
      expect(result.error.message).toContain('open this page through the Carrel app');
    }
  });
});
