import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCorpus } from '../../../../electron/node/corpus/build-corpus';
import { openCorpus, type CorpusStore } from '../../../../electron/node/corpus/corpus-store';
import { createCorpusService } from '../../../../electron/node/services/corpus-service';
import { createHandler } from '../../../../electron/node/ipc/handler-table';
import type { CarrelServices } from '../../../../electron/common/ipc/ipc-contract';
import { FIXTURES } from '../../../harness/paths';

// The reader's first paint of a long document: its first paragraphs, cut cleanly, with the size of the whole.
let dir: string;
let file: string;
let store: CorpusStore;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carrel-document-start-'));
  file = path.join(dir, 'c.sqlite');
  buildCorpus({ sourcesDir: path.join(FIXTURES, 'corpus-contents'), outFile: file, title: 'Contents fixture' });
  store = openCorpus(file);
});
afterAll(() => {
  store?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the start of a document', () => {
  it('is the document cut after its first paragraphs: text, links and headings up to there, and the size of the whole', () => {
    const whole = store.getDocument('field-guide')!;
    expect(whole.paragraphs.length).toBeGreaterThan(8);
    const start = store.getDocumentStart('field-guide', 5)!;
    expect(start.complete).toBe(false);
    expect(start.paragraphCount).toBe(whole.paragraphs.length);
    expect(start.textLength).toBe(whole.text.length);
    expect(start.paragraphs).toEqual(whole.paragraphs.slice(0, 5));
    expect(start.text).toBe(whole.text.slice(0, whole.paragraphs[4]!.end));
    expect(start.headings).toEqual(whole.headings.filter((h) => h.end <= start.text.length));
    expect(start.headings.length).toBeLessThan(whole.headings.length);
    expect(start.links).toEqual(whole.links.filter((l) => l.end <= start.text.length));
    const { text: _t, paragraphs: _p, headings: _h, links: _l, complete: _c, paragraphCount: _n, textLength: _x, ...meta } = start;
    const { text: _t2, paragraphs: _p2, headings: _h2, links: _l2, ...wholeMeta } = whole;
    expect(meta).toEqual(wholeMeta);
  });

  it('is the whole document when it has no more paragraphs than asked for', () => {
    const whole = store.getDocument('short-note')!;
    const start = store.getDocumentStart('short-note', 2_000)!;
    expect(start).toEqual({ ...whole, complete: true, paragraphCount: whole.paragraphs.length, textLength: whole.text.length });
  });

  it('is asked for through the contract: an unknown id is not found, a count out of bounds refused', async () => {
    const corpus = createCorpusService(file);
    const handler = createHandler({ ...corpus } as unknown as CarrelServices, 'getDocumentStart');
    try {
      expect(await handler({ id: 'field-guide', paragraphs: 3 })).toMatchObject({ ok: true, value: { complete: false } });
      expect(await handler({ id: 'nothing-here', paragraphs: 3 })).toMatchObject({ ok: false, error: { code: 'not-found' } });
      expect(await handler({ id: 'field-guide', paragraphs: 0 })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
      expect(await handler({ id: 'field-guide', paragraphs: 1_000_000 })).toMatchObject({ ok: false });
    } finally {
      corpus.close();
    }
  });
});
