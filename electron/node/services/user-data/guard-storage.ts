import fs from 'node:fs';
import type { UserStore } from '../../user-store/open-user-store';
import { classifyStorageError, storageError, type StorageAccess } from './storage-errors';
import type { UserDataContext } from './user-data-context';

/** Methods that only read; every other user-data method saves something. */
const READS = /^(list|get|query|export)/;

type FileIdentity = { dev: number; ino: number };

function identityOf(file: string): FileIdentity | null {
  try {
    const stat = fs.statSync(file);
    return { dev: stat.dev, ino: stat.ino };
  } catch {
    return null; // gone: not the file that was opened
  }
}

/**
 * Wraps the user-data services so that a failing notes database is said in words: SQLite and
 * file errors become ServiceErrors by cause (storage-errors.ts), with whether a retry may work.
 *
 * It also refuses every call once the file at the notes path is no longer the file the store
 * has open (another program renamed a new file over it, as another Carrel does when it encrypts,
 * or moved or deleted it): SQLite in WAL mode would go on writing into the old, unlinked file
 * and report success, and everything written would be gone when Carrel closes.
 */
export function guardStorage<S extends object>(ctx: UserDataContext, services: S, exempt: readonly string[] = []): S {
  const opened = new WeakMap<UserStore, FileIdentity | null>();
  const openStore = (): UserStore | undefined => (ctx.file && ctx.status().state === 'open' ? ctx.store() : undefined);
  /** The identity of the file each store opened, taken right after it opened (the first call that sees it). */
  const remember = () => {
    const store = openStore();
    if (store && !opened.has(store)) opened.set(store, identityOf(ctx.file!));
  };
  const checkSameFile = (access: StorageAccess) => {
    const store = openStore();
    if (!store) return;
    const known = opened.get(store);
    if (known === undefined) return remember();
    const now = identityOf(ctx.file!);
    if (!known || !now || known.dev !== now.dev || known.ino !== now.ino) throw storageError('user-data-replaced', access, ctx.file);
  };
  remember();

  const guarded = {} as Record<string, unknown>;
  for (const [name, method] of Object.entries(services)) {
    if (typeof method !== 'function') continue;
    const access: StorageAccess = READS.test(name) ? 'read' : 'write';
    const classify = (error: unknown) => classifyStorageError(error, access, ctx.file);
    guarded[name] = (...args: unknown[]) => {
      let result: unknown;
      try {
        if (!exempt.includes(name)) checkSameFile(access);
        result = (method as (...a: unknown[]) => unknown).apply(services, args);
      } catch (error) {
        remember();
        throw classify(error);
      }
      if (result instanceof Promise) {
        return result.then(
          (value: unknown) => {
            remember();
            return value;
          },
          (error) => {
            remember();
            throw classify(error);
          },
        );
      }
      remember();
      return result;
    };
  }
  return guarded as S;
}
