import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CitationCall } from '../../../../electron/node/citations/citation-calls';
import { createCitationClient, type CitationClient, type CitationClientOptions } from '../../../../electron/node/citations/citation-client';
import { createCitationEngine } from '../../../../electron/node/citations/citation-engine';
import { defaultCslDir } from '../../../../electron/node/citations/csl-styles';
import { documentCsl } from '../../../../electron/node/citations/document-csl';
import { SOURCE_WORKERS } from '../../../../electron/node/query-worker/worker-entry';
import { ServiceError } from '../../../../electron/node/services/service-error';

const cslDir = defaultCslDir();
const winter = documentCsl({ id: 'winter', title: 'As ISIS Loses Territory, it Seeks to Survive Online', author: 'Charlie Winter', date: '2017-08-12', source: 'Asharq Al-Awsat', language: 'en' });
const arabic = documentCsl({ id: 'arabic', title: 'الخلافة الافتراضية & {co}', author: 'عبد الباري عطوان', date: '2015', source: 'رأي اليوم', language: 'ar' });
const crash = documentCsl({ id: 'crash', title: 'Ends the worker', author: 'A. Nobody', date: '2020', source: '', language: 'en' });
const hang = documentCsl({ id: 'hang', title: 'Never answers', author: 'A. Nobody', date: '2020', source: '', language: 'en' });

// Slow: the first citation of a style parses its CSL and locale (seconds on the shared machine).
const SLOW = 120_000;
const logged: string[] = [];
const clients: CitationClient[] = [];
const open = (options: Partial<CitationClientOptions> = {}) => {
  const client = createCitationClient({ entry: SOURCE_WORKERS.citations, cslDir, log: (line) => logged.push(line), ...options });
  clients.push(client);
  return client;
};
afterEach(async () => {
  for (const client of clients.splice(0)) await client.close();
  logged.length = 0;
});

describe('the citation worker (citation-client.ts)', () => {
  it(
    'answers every call as the engine does in-process, one at a time or batched',
    async () => {
      const engine = createCitationEngine(cslDir);
      const client = open();
      const calls: CitationCall[] = [
        { method: 'citation', args: [winter, 'apa', { label: 'paragraph', value: '4' }] },
        { method: 'reference', args: [winter, 'apa'] },
        { method: 'citation', args: [arabic, 'mla', undefined] },
        { method: 'reference', args: [arabic, 'mla'] },
        { method: 'bibliography', args: [[winter, arabic], 'bibtex'] },
        { method: 'bibliography', args: [[winter, arabic], 'ris'] },
        { method: 'bibliography', args: [[winter, arabic], 'csl-json'] },
      ];
      const expected = [
        engine.citation(winter, 'apa', { label: 'paragraph', value: '4' }),
        engine.reference(winter, 'apa'),
        engine.citation(arabic, 'mla'),
        engine.reference(arabic, 'mla'),
        engine.bibliography([winter, arabic], 'bibtex'),
        engine.bibliography([winter, arabic], 'ris'),
        engine.bibliography([winter, arabic], 'csl-json'),
      ];
      expect(await client.batch(calls)).toEqual(expected);
      expect(await client.citation(winter, 'apa', { label: 'paragraph', value: '4' })).toBe(expected[0]);
      expect(await client.reference(arabic, 'mla')).toBe(expected[3]);
      expect(await client.bibliography([winter, arabic], 'ris')).toBe(expected[5]);
      expect(await client.batch([])).toEqual([]);
      expect(client.starts()).toBe(1);
    },
    SLOW,
  );

  it(
    'a crash of the worker answers its call with a clear error, and the next call starts another worker',
    async () => {
      const client = open({ exitOnItem: 'crash' });
      const crashed = client.citation(crash, 'apa');
      await expect(crashed).rejects.toThrow(ServiceError);
      await expect(crashed).rejects.toThrow('The citation engine stopped unexpectedly. Try again; the details were written to the log.');
      await expect(crashed).rejects.toMatchObject({ code: 'internal', retryable: true });
      expect(logged.join('\n')).toMatch(/citation worker stopped \(exit code 1\)/);
      expect(await client.reference(winter, 'apa')).toBe('Winter, C. (2017, August 12). As ISIS Loses Territory, it Seeks to Survive Online. Asharq Al-Awsat.');
      expect(client.starts()).toBe(2);
    },
    SLOW,
  );

  it(
    'a worker that stops answering is ended at the time bound, its calls told so; the next call starts another',
    async () => {
      const client = open({ hangOnItem: 'hang', timeBoundMs: 1500 });
      const hung = client.reference(hang, 'apa');
      const behind = client.reference(winter, 'apa');
      await expect(hung).rejects.toMatchObject({ code: 'citation-timeout', retryable: true, message: 'Formatting the citation was stopped after 1.5 seconds: the citation engine did not answer. Try again.' });
      await expect(behind).rejects.toMatchObject({ code: 'citation-timeout' });
      expect(logged.join('\n')).toMatch(/answered nothing for 1500 ms/);
      // A new worker: the bound counts from its start, then from each answer.
      const again = open({ timeBoundMs: SLOW });
      expect(await again.reference(winter, 'apa')).toMatch(/^Winter, C\. \(2017/);
      expect(await client.bibliography([winter], 'csl-json')).toContain('"id": "winter"');
      expect(client.starts()).toBe(2);
    },
    SLOW,
  );

  it('an error thrown in the worker comes back as it was thrown (a missing style folder)', async () => {
    const client = open({ cslDir: path.join(cslDir, 'no-such-folder') });
    await expect(client.reference(winter, 'apa')).rejects.toThrow(/ENOENT.*no-such-folder/);
    // The worker is still there: a ServiceError-free error does not end it.
    await expect(client.citation(winter, 'mla')).rejects.toThrow(/ENOENT/);
    expect(client.starts()).toBe(1);
  }, SLOW);

  it('a worker that cannot start says so, and the next call tries again', async () => {
    const client = open({ entry: { file: path.join(cslDir, 'no-such-worker.js') } });
    await expect(client.reference(winter, 'apa')).rejects.toMatchObject({ code: 'internal', message: expect.stringMatching(/^Carrel could not start its citation engine/) });
    await expect(client.reference(winter, 'apa')).rejects.toMatchObject({ code: 'internal' });
    expect(client.starts()).toBe(2);
  });

  it('after close, calls are refused', async () => {
    const client = open();
    await client.close();
    await expect(client.reference(winter, 'apa')).rejects.toMatchObject({ code: 'unavailable' });
    expect(client.starts()).toBe(0);
  });
});
