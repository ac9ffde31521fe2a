import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../../electron/node/cli/carrel';
import type { Output } from '../../../../electron/node/cli/output';
import { FIXTURES } from '../../../harness/paths';
import { makeWorkspace, value } from '../services/user-data-fixture';

const quiet = (): Output => ({ log: () => {}, error: () => {}, progress: () => {} });

const workspace = makeWorkspace('carrel-notes-cli-nesting-');
let corpus: string;

beforeAll(async () => {
  corpus = workspace.corpus('small', path.join(FIXTURES, 'corpus-small'), undefined, 'Small');
  const { table, services } = workspace.services(corpus);
  value(await table.createHighlight({ documentId: 'notes', start: 0, end: 5, color: 'yellow', note: '# Plan\n\n```\n# kept\n```', tags: ['t'] }));
  value(await table.createDocumentNote({ documentId: 'notes', body: '# Summary\n\n## Detail', tags: ['t'] }));
  services.close();
});
afterAll(() => workspace.close());

// The command line's --group-by and --only reach the same nesting as the app's export. Each
// export runs the whole command (30 s allowed on a busy machine, not a measure of speed).
describe('carrel notes export --format markdown: a note’s headings nest under their place', () => {
  const exported = async (...options: string[]) => {
    const file = path.join(workspace.dir, `${options.join('-') || 'plain'}.md`);
    expect(await main(['notes', 'export', '--user-db', workspace.userDbFile, '--corpus', corpus, '--format', 'markdown', ...options, '--out', file], quiet())).toBe(0);
    return fs.readFileSync(file, 'utf8');
  };

  it.each([
    [['--group-by', 'document'], '\n### Plan\n', '\n### Document notes\n\n#### Summary\n\n##### Detail\n'],
    [['--group-by', 'document', '--only', 'notes'], '\n### Plan\n', '\n### Document notes\n\n#### Summary\n\n##### Detail\n'],
    [['--group-by', 'tag'], '\n#### Plan\n', '\n#### Document notes\n\n##### Summary\n\n###### Detail\n'],
    [['--group-by', 'tag', '--only', 'notes'], '\n#### Plan\n', '\n#### Document notes\n\n##### Summary\n\n###### Detail\n'],
    [['--group-by', 'colour'], '\n#### Plan\n', '\n## Document notes\n\n### .+\n\n#### Summary\n\n##### Detail\n'],
    [['--group-by', 'colour', '--only', 'notes'], '\n#### Plan\n', '\n## Document notes\n\n### .+\n\n#### Summary\n\n##### Detail\n'],
  ])('%j', { timeout: 30_000 }, async (options, plan, summary) => {
    const md = await exported(...options);
    expect(md).toContain(plan);
    expect(md).toMatch(new RegExp(summary));
    expect(md).toContain('\n```\n# kept\n```\n');
    expect(md).not.toMatch(/^#{1,2} (Plan|Summary|Detail)$/m);
  });
});
