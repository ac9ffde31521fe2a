import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildCorpus } from '../../../../electron/node/corpus/build-corpus';
import { createHandlerTable, type HandlerTable } from '../../../../electron/node/ipc/handler-table';
import { createServices, type AppServices, type ServicesConfig } from '../../../../electron/node/services/create-services';
import type { Result } from '../../../../electron/common/result';

/** A temporary folder with corpora built from copies of source folders, and a user database. */
export function makeWorkspace(prefix: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const userDbFile = path.join(dir, 'user', 'carrel-user.sqlite');
  let tick = Date.parse('2026-01-01T00:00:00Z');
  const open: AppServices[] = [];
  return {
    dir,
    userDbFile,
    /** Copies `sourcesDir`, lets `edit` change the copy, builds it into a corpus file. */
    corpus(name: string, sourcesDir: string, edit: (dir: string) => void = () => {}, title?: string): string {
      const copy = path.join(dir, `${name}-sources`);
      fs.cpSync(sourcesDir, copy, { recursive: true });
      edit(copy);
      const outFile = path.join(dir, `${name}.sqlite`);
      buildCorpus({ sourcesDir: copy, outFile, title });
      return outFile;
    },
    /** Services and their handler table on a corpus, with a clock that advances 1 s per call. */
    services(corpusFile: string, userDb = userDbFile, extra: Partial<ServicesConfig> = {}): { services: AppServices; table: HandlerTable } {
      const services = createServices({ corpusFile, userDbFile: userDb, now: () => new Date((tick += 1000)), ...extra });
      open.push(services);
      return { services, table: createHandlerTable(services, () => {}) };
    },
    close() {
      for (const services of open) services.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The value of an ok Result, or a thrown error with the Result's message. */
export function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

export function errorCode(result: Result<unknown>): string {
  if (result.ok) throw new Error(`expected an error, got ${JSON.stringify(result.value).slice(0, 200)}`);
  return result.error.code;
}
