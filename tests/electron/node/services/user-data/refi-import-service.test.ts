import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES } from '../../../../harness/paths';
import { errorCode, makeWorkspace, value } from '../user-data-fixture';

const workspace = makeWorkspace('carrel-refi-service-');
let corpus: string;
beforeAll(() => {
  corpus = workspace.corpus('small', path.join(FIXTURES, 'corpus-small'));
});
afterAll(() => workspace.close());

const QDC = `<?xml version="1.0" encoding="UTF-8"?>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="{A182CD3A-D83C-4D8C-BC80-26D9103EC6D6}" name="Recruitment" isCodable="true"><Code guid="2d2466f0-d77f-4f8c-bdf9-628966b6b74d" name="Women" isCodable="true" color="#FF00AA"/></Code></Codes></CodeBook>`;

describe('importRefiQda through the handler table', () => {
  it('imports the file the open dialog gives and returns the report; a cancelled dialog imports nothing', async () => {
    const answer: { file?: string } = {};
    const dialogs = { chooseSaveFile: async () => undefined, chooseOpenFile: async () => answer.file };
    const { table } = workspace.services(corpus, path.join(workspace.dir, 'a', 'carrel-user.sqlite'), { fileDialogs: dialogs });
    expect(value(await table.importRefiQda({}))).toEqual({ status: 'cancelled' });
    answer.file = path.join(workspace.dir, 'book.qdc');
    fs.writeFileSync(answer.file, QDC);
    const dry = value(await table.importRefiQda({ dryRun: true }));
    expect(dry).toMatchObject({ status: 'imported', kind: 'codebook', dryRun: true, codes: { added: 2 } });
    expect(value(await table.listCodebook(undefined)).codes).toEqual([]);
    const done = value(await table.importRefiQda({}));
    expect(done).toMatchObject({ status: 'imported', codes: { added: 2, matched: 0 }, summary: 'codes: 2 added, 0 already here.' });
    expect(value(await table.listCodebook(undefined)).codes.map((c) => [c.name, c.color])).toEqual([
      ['Recruitment', ''],
      ['Women', '#FF00AA'],
    ]);
  });

  it('checks its argument, needs the app window, and says why a file is refused', async () => {
    const { table } = workspace.services(corpus, path.join(workspace.dir, 'b', 'carrel-user.sqlite'));
    expect(errorCode(await table.importRefiQda({ dryRun: 'yes' } as never))).toBe('invalid-argument');
    expect(errorCode(await table.importRefiQda({ file: '/etc/passwd' } as never))).toBe('invalid-argument');
    expect(errorCode(await table.importRefiQda({}))).toBe('unavailable');
    const bad = path.join(workspace.dir, 'bad.qdc');
    fs.writeFileSync(bad, '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><CodeBook xmlns="urn:QDA-XML:codebook:1.0">&e;</CodeBook>');
    const { table: withDialog } = workspace.services(corpus, path.join(workspace.dir, 'c', 'carrel-user.sqlite'), { fileDialogs: { chooseSaveFile: async () => undefined, chooseOpenFile: async () => bad } });
    const refused = await withDialog.importRefiQda({});
    expect(errorCode(refused)).toBe('import-refused');
    expect(refused.ok ? '' : refused.error.message).toMatch(/^bad\.qdc was not imported: .*declares a document type or XML entities/);
  });
});
