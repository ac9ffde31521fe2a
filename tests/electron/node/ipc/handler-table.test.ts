import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { METHODS, CHANNELS } from '../../../../electron/common/ipc/ipc-contract';
import { INPUT_SCHEMAS } from '../../../../electron/common/ipc/ipc-schemas';
import { createHandlerTable, METHOD_BY_CHANNEL } from '../../../../electron/node/ipc/handler-table';
import { createServices } from '../../../../electron/node/services/create-services';
import { ServiceError } from '../../../../electron/node/services/service-error';
import { BUNDLED_CORPUS, ROOT } from '../../../harness/paths';

const services = createServices({ corpusFile: BUNDLED_CORPUS });
const table = createHandlerTable(services, () => {});
afterAll(() => services.close());

describe('the handler table', () => {
  it('has one handler, one channel and one schema per method of the contract', () => {
    expect(Object.keys(table).sort()).toEqual([...METHODS].sort());
    expect(Object.keys(INPUT_SCHEMAS).sort()).toEqual([...METHODS].sort());
    expect(new Set(Object.values(CHANNELS)).size).toBe(METHODS.length);
    for (const method of METHODS) expect(METHOD_BY_CHANNEL.get(CHANNELS[method])).toBe(method);
  });

  it('returns values as { ok: true, value }', async () => {
    const list = await table.listDocuments(undefined);
    expect(list.ok).toBe(true);
    if (list.ok) expect(list.value).toHaveLength(5);
    const doc = await table.getDocument({ id: '002-isis-admits-it-is-losing' });
    expect(doc.ok && doc.value.title).toBe('ISIS Admits It Is Losing');
  });

  it.each([
    ['getDocument', undefined],
    ['getDocument', {}],
    ['getDocument', { id: 42 }],
    ['getDocument', { id: '' }],
    ['getDocument', { id: 'x'.repeat(513) }],
    ['getDocument', { id: '../../etc/passwd\u0000' }],
    ['getDocument', { id: 'ok', extra: true }],
    ['listDocuments', { sneaky: 1 }],
    ['search', { query: 'a'.repeat(1001) }],
    ['search', { query: 'x', limit: -1 }],
  ] as const)('refuses %s(%j) with invalid-argument before any service runs', async (method, input) => {
    const result = await (table[method] as (i: unknown) => Promise<{ ok: boolean; error?: { code: string } }>)(input);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
  });

  it('turns expected failures into error results with a message', async () => {
    expect(await table.getDocument({ id: 'no-such-doc' })).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'No document with id "no-such-doc" in this corpus.' },
    });
  });

  it('reports a missing corpus on every call instead of throwing', async () => {
    const broken = createServices({ corpusFile: path.join(ROOT, 'no-such.sqlite') });
    const brokenTable = createHandlerTable(broken, () => {});
    const result = await brokenTable.listDocuments(undefined);
    expect(result).toMatchObject({ ok: false, error: { code: 'corpus-missing' } });
    broken.close();
  });

  it('names the first problem of an argument with 100,000 unknown keys in one short message', async () => {
    const input: Record<string, unknown> = { id: '002-isis-admits-it-is-losing' };
    for (let i = 0; i < 100_000; i++) input[`key${i}`] = i;
    const result = await table.getDocument(input as never);
    expect(result).toEqual({
      ok: false,
      error: { code: 'invalid-argument', message: 'Invalid argument for getDocument: unknown key "key0" (and 99,999 more)' },
    });
  });

  it('says where a nested problem is, briefly', async () => {
    const result = await table.createDocumentNote({ documentId: 'notes', body: 'x', tags: ['ok', 'y'.repeat(65)] });
    expect(result).toEqual({
      ok: false,
      error: { code: 'invalid-argument', message: 'Invalid argument for createDocumentNote: tags[1]: Tags are limited to 64 characters' },
    });
  });

  it('caps every error message that crosses, without splitting a character', async () => {
    const long = `${'a'.repeat(998)}😀${'b'.repeat(5000)}`;
    const failing = { ...services, listDocuments: () => { throw new ServiceError('some-failure', long); } };
    const result = await createHandlerTable(failing, () => {}).listDocuments(undefined);
    if (result.ok) throw new Error('expected a failure');
    expect(result.error.message.length).toBeLessThanOrEqual(1000);
    expect(result.error.message).toBe(`${'a'.repeat(998)}…`);
    expect(result.error.message).not.toMatch(/\p{Cs}/u); // no lone surrogate
  });

  it('passes on whether a failure is worth retrying', async () => {
    const failing = { ...services, listDocuments: () => { throw new ServiceError('user-data-disk-full', 'The disk is full.', { retryable: true }); } };
    expect(await createHandlerTable(failing, () => {}).listDocuments(undefined)).toEqual({
      ok: false,
      error: { code: 'user-data-disk-full', message: 'The disk is full.', retryable: true },
    });
  });

  it('hides unexpected errors behind a generic message and logs them', async () => {
    const logged: unknown[] = [];
    const failing = { ...services, listDocuments: () => { throw new Error('disk on fire'); } };
    const result = await createHandlerTable(failing, (e) => logged.push(e)).listDocuments(undefined);
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(result)).not.toContain('disk on fire');
    expect(logged).toHaveLength(1);
  });
});
