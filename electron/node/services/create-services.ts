import type { CarrelServices } from '../../common/ipc/ipc-contract';
import type { OpenCorpusOptions } from '../corpus/corpus-store';
import { createCorpusService } from './corpus-service';
import { createSearchService } from './search-service';

export type ServicesConfig = {
  corpusFile: string;
} & OpenCorpusOptions;

export type AppServices = CarrelServices & { close(): void };

/** Wires every service behind the API. Called by Electron main and by the test harness alike. */
export function createServices(config: ServicesConfig): AppServices {
  const corpus = createCorpusService(config.corpusFile, { nativeBinding: config.nativeBinding });
  const search = createSearchService(corpus.requireStore);
  return {
    search: search.search,
    findInDocument: search.findInDocument,
    getCorpusInfo: corpus.getCorpusInfo,
    listDocuments: corpus.listDocuments,
    getDocument: corpus.getDocument,
    close() {
      corpus.close();
    },
  };
}
