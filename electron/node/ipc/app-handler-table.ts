import type { AppServices } from '../services/create-services';
import { withQueryWorker } from '../query-worker/with-query-worker';
import { createHandlerTable, type HandlerTable } from './handler-table';

/** The handler table main registers (and the harness bridges): corpus reads go to the query worker when there is one. */
export function createAppHandlerTable(services: AppServices, log?: (error: unknown) => void): HandlerTable {
  const table = createHandlerTable(services, log);
  return services.queryWorker ? withQueryWorker(table, services.queryWorker, services.openStore) : table;
}
