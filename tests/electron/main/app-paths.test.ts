import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { userFiles } from '../../../electron/main/app-paths';

describe('userFiles', () => {
  const saved = process.env.CARREL_USER_DB;
  afterEach(() => {
    if (saved === undefined) delete process.env.CARREL_USER_DB;
    else process.env.CARREL_USER_DB = saved;
  });

  it('keeps the reading settings beside the notes database, wherever that is', () => {
    delete process.env.CARREL_USER_DB;
    expect(userFiles('/data/Carrel')).toMatchObject({
      userDbFile: path.join('/data/Carrel', 'carrel-user.sqlite'),
      settingsFile: path.join('/data/Carrel', 'carrel-settings.json'),
      recentCorporaFile: path.join('/data/Carrel', 'carrel-corpora.json'),
    });
    process.env.CARREL_USER_DB = '/elsewhere/notes.sqlite';
    expect(userFiles('/data/Carrel').settingsFile).toBe(path.join('/elsewhere', 'carrel-settings.json'));
  });
});
