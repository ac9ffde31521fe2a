import { INPUT_SCHEMAS } from '../../common/ipc/ipc-schemas';
import { CHANNELS, METHODS, type CarrelServices, type Method, type Output } from '../../common/ipc/ipc-contract';
import { fail, ok, type Result } from '../../common/result';
import { ServiceError } from '../services/service-error';
import { capMessage, invalidArgumentMessage } from './error-messages';

/**
 * Who is calling: the window (its webContents id) or a test page. A newer query from the same
 * caller supersedes the one before (query-worker-client.ts).
 */
export type Caller = string | number;

export type Handler<M extends Method = Method> = (rawInput: unknown, caller?: Caller) => Promise<Result<Output<M>>>;
export type HandlerTable = { [M in Method]: Handler<M> };

/**
 * The handler of one method: its argument is validated against its schema before the service
 * sees it, and every failure becomes an error Result instead of an exception across the
 * boundary, its message capped (MAX_ERROR_MESSAGE) and marked `retryable` when trying again
 * later may work. The query worker runs the same handlers for the methods it serves.
 */
export function createHandler(services: CarrelServices, method: Method, log: (error: unknown) => void = console.error): (rawInput: unknown) => Promise<Result<unknown>> {
  return async (rawInput) => {
    const parsed = INPUT_SCHEMAS[method].safeParse(rawInput);
    if (!parsed.success) {
      return fail('invalid-argument', invalidArgumentMessage(method, parsed.error.issues));
    }
    try {
      const call = services[method] as (input: unknown) => unknown;
      return ok(await call.call(services, parsed.data));
    } catch (error) {
      if (error instanceof ServiceError) return fail(error.code, capMessage(error.message), error.retryable);
      log(error);
      return fail('internal', 'Something went wrong inside Carrel. The details were written to the log.');
    }
  };
}

/**
 * The one handler table. Electron's ipcMain and the browser test harness both dispatch
 * into it (through withQueryWorker when the corpus is read off the main thread).
 */
export function createHandlerTable(services: CarrelServices, log: (error: unknown) => void = console.error): HandlerTable {
  const table = {} as Record<Method, (rawInput: unknown) => Promise<Result<unknown>>>;
  for (const method of METHODS) table[method] = createHandler(services, method, log);
  return table as unknown as HandlerTable;
}

/** Channel name → method, for transports that receive a channel string. */
export const METHOD_BY_CHANNEL: ReadonlyMap<string, Method> = new Map(
  METHODS.map((method) => [CHANNELS[method], method] as const),
);
