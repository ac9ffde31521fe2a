import Database from 'better-sqlite3';

export type SqliteOptions = {
  readonly?: boolean;
  fileMustExist?: boolean;
  /**
   * Path of a better_sqlite3.node built for another runtime. Electron passes the
   * build made for its own ABI so the one in node_modules stays usable by Node tests.
   */
  nativeBinding?: string;
};

export type Db = Database.Database;

export function openDatabase(file: string, options: SqliteOptions = {}): Db {
  return new Database(file, {
    readonly: options.readonly ?? false,
    fileMustExist: options.fileMustExist ?? false,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
}
