import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createHandlerTable } from '../../../../../electron/node/ipc/handler-table';
import { createServices } from '../../../../../electron/node/services/create-services';
import { FIXTURES } from '../../../../harness/paths';
import { makeWorkspace } from '../user-data-fixture';

const workspace = makeWorkspace('carrel-encryption-logging-');
afterAll(() => workspace.close());

describe('passphrases crossing the handler table', { timeout: 30_000 }, () => {
  it('are never logged nor repeated in an answer, whatever is sent', async () => {
    const corpusFile = workspace.corpus('a', path.join(FIXTURES, 'corpus-small'));
    const logged: unknown[] = [];
    const secret = 'SECRET-PASSPHRASE-XYZ';
    const answers: unknown[] = [];
    const plain = createServices({ corpusFile, userDbFile: workspace.userDbFile });
    let table = createHandlerTable(plain, (error) => logged.push(error));
    answers.push(
      await table.decryptUserData({ passphrase: secret }),
      await table.changeUserDataPassphrase({ current: secret, passphrase: secret, confirmation: secret }),
      await table.encryptUserData({ passphrase: secret, confirmation: `${secret}2` }),
      await table.encryptUserData({ passphrase: secret.repeat(60), confirmation: secret }),
      await table.unlockUserData({ passphrase: 42 } as never),
      await table.unlockUserData({ passphrase: secret, more: secret } as never),
      await table.encryptUserData({ passphrase: secret, confirmation: secret }),
    );
    plain.close();
    const locked = createServices({ corpusFile, userDbFile: workspace.userDbFile });
    table = createHandlerTable(locked, (error) => logged.push(error));
    answers.push(
      await table.unlockUserData({ passphrase: `${secret}-wrong` }),
      await table.listHighlights({ documentId: 'notes' }),
      await table.unlockUserData({ passphrase: secret }),
      await table.decryptUserData({ passphrase: `${secret}-wrong` }),
    );
    locked.close();
    expect(answers.map((answer) => (answer as { ok: boolean }).ok)).toEqual([false, false, false, false, false, false, true, false, false, true, false]);
    expect(JSON.stringify(answers)).not.toContain('SECRET');
    expect(logged).toEqual([]);
  });
});
