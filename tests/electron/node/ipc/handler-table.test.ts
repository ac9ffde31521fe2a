import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { METHODS, CHANNELS } from '../../../../electron/common/ipc/ipc-contract';
import { INPUT_SCHEMAS } from '../../../../electron/common/ipc/ipc-schemas';
import { createHandlerTable, METHOD_BY_CHANNEL } from '../../../../electron/node/ipc/handler-table';
import { createServices } from '../../../../electron/node/services/create-services';
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

  it('hides unexpected errors behind a generic message and logs them', async () => {
    const logged: unknown[] = [];
    const failing = { ...services, listDocuments: () => { throw new Error('disk on fire'); } };
    const result = await createHandlerTable(failing, (e) => logged.push(e)).listDocuments(undefined);
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(result)).not.toContain('disk on fire');
    expect(logged).toHaveLength(1);
  });
});
