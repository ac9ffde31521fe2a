import type { CitationStyle, CslItem, DocumentDetails, FormattedCitation } from '../../../common/citations/citation-types';
import { CITATION_STYLES, DEFAULT_CITATION_STYLE } from '../../../common/citations/citation-types';
import { storedCslItem } from '../../../common/citations/citation-schemas';
import type { DocumentMeta } from '../../../common/corpus/corpus-types';
import type { CarrelServices } from '../../../common/ipc/ipc-contract';
import { inProcessEngine, type AsyncCitationEngine } from '../../citations/citation-calls';
import { createCitationClient } from '../../citations/citation-client';
import { createCitationEngine } from '../../citations/citation-engine';
import { defaultCslDir } from '../../citations/csl-styles';
import { detailsFields, documentCsl, itemFromFields } from '../../citations/document-csl';
import { locateSpan } from '../../citations/locate-span';
import { deleteDocumentDetails, findDocumentDetails, listDocumentDetailsOfCorpus, saveDocumentDetails } from '../../user-store/queries/document-details-queries';
import { readPreference, writePreference } from '../../user-store/queries/preference-queries';
import type { FileDialogs } from '../file-dialogs';
import type { WorkerEntry } from '../../query-worker/worker-entry';
import { ServiceError } from '../service-error';
import { createNotebookService } from './notebook-service';
import { saveExport } from './save-export';
import { requireLiveHighlight } from './highlight-service';
import { currentDocument, highlightView } from './highlight-view';
import type { UserDataContext } from './user-data-context';

export type CitationService = Pick<
  CarrelServices,
  | 'getDocumentDetails'
  | 'saveDocumentDetails'
  | 'resetDocumentDetails'
  | 'getCitationStyle'
  | 'setCitationStyle'
  | 'formatCitation'
  | 'exportBibliography'
>;

const STYLE_KEY = 'citation-style';
const BIBLIOGRAPHY_FILES = {
  bibtex: { extension: 'bib', name: 'BibTeX' },
  ris: { extension: 'ris', name: 'RIS' },
  'csl-json': { extension: 'json', name: 'CSL-JSON' },
} as const;

export type CitationDeps = {
  dialogs?: FileDialogs;
  cslDir?: string;
  /** The citation worker's entry (the app, the harness): citation-js runs there, off main. Without it, in-process (CLI, unit tests). */
  worker?: WorkerEntry;
};

/** The CSL item of each document: the user's edits where kept (and still valid), else what the corpus holds. */
export function documentItems(ctx: UserDataContext): (meta: DocumentMeta) => CslItem {
  const edited = listDocumentDetailsOfCorpus(ctx.store().db, ctx.corpusId());
  return (meta) => parseStored(edited.get(meta.id), meta) ?? documentCsl(meta);
}

function parseStored(json: string | undefined, meta: DocumentMeta): CslItem | undefined {
  if (json === undefined) return undefined;
  try {
    const parsed = storedCslItem.safeParse(JSON.parse(json));
    return parsed.success ? { ...parsed.data, id: meta.id } : undefined;
  } catch {
    return undefined;
  }
}

/** The engine the services share: the worker's when given one, else citation-js on this thread, each created at its first call. */
export function citationEngineOf(deps: CitationDeps): AsyncCitationEngine {
  const cslDir = deps.cslDir ?? defaultCslDir();
  return deps.worker ? createCitationClient({ entry: deps.worker, cslDir }) : inProcessEngine(() => createCitationEngine(cslDir));
}

export function createCitationService(ctx: UserDataContext, deps: CitationDeps = {}, engine: AsyncCitationEngine = citationEngineOf(deps)): CitationService {
  const meta = (documentId: string): DocumentMeta => {
    const found = ctx.corpus().documentMetas([documentId]).get(documentId);
    if (!found) throw new ServiceError('not-found', 'This document is not in the open corpus.');
    return found;
  };
  const details = (documentId: string): DocumentDetails => {
    const m = meta(documentId);
    const stored = parseStored(findDocumentDetails(ctx.store().db, ctx.corpusId(), documentId), m);
    const item = stored ?? documentCsl(m);
    return { item, fields: detailsFields(item), edited: stored !== undefined };
  };
  const style = (): CitationStyle => {
    const kept = readPreference(ctx.store().db, STYLE_KEY);
    return (CITATION_STYLES as readonly string[]).includes(kept ?? '') ? (kept as CitationStyle) : DEFAULT_CITATION_STYLE;
  };

  return {
    getDocumentDetails: ({ documentId }) => details(documentId),
    saveDocumentDetails({ documentId, fields }) {
      const base = documentCsl(meta(documentId));
      const item = itemFromFields(base, fields);
      ctx.store().write(() => saveDocumentDetails(ctx.store().db, ctx.corpusId(), documentId, JSON.stringify(item), ctx.now()));
      return details(documentId);
    },
    resetDocumentDetails({ documentId }) {
      meta(documentId);
      ctx.store().write(() => deleteDocumentDetails(ctx.store().db, ctx.corpusId(), documentId));
      return details(documentId);
    },
    getCitationStyle: () => style(),
    setCitationStyle({ style: chosen }) {
      ctx.store().write(() => writePreference(ctx.store().db, STYLE_KEY, chosen));
      return chosen;
    },
    async formatCitation({ documentId, style: asked, start, end, highlightId }) {
      const chosen = asked ?? style();
      const { item } = details(documentId);
      let span: { start: number; end: number } | undefined = start !== undefined && end !== undefined ? { start, end } : undefined;
      if (highlightId) {
        const record = requireLiveHighlight(ctx, highlightId);
        if (record.documentId !== documentId) throw new ServiceError('invalid-argument', 'This highlight belongs to another document.');
        const view = highlightView(ctx, record, currentDocument(ctx, documentId));
        if (view.anchor.status === 'orphaned') {
          // Its place in the current text is unknown: quoted as it was, without a locator.
          return cite(engine, item, chosen, undefined, record.quote.exact);
        }
        span = { start: view.anchor.start, end: view.anchor.end };
      }
      if (!span) return cite(engine, item, chosen);
      const doc = ctx.document(documentId);
      if (span.end > doc.text.length) throw new ServiceError('invalid-argument', 'The selection reaches past the end of the document; select the text again.');
      const quote = doc.text.slice(span.start, span.end).replace(/\s+/g, ' ').trim();
      return cite(engine, item, chosen, locateSpan(doc, span.start), quote);
    },
    async exportBibliography(input) {
      const items = documentItems(ctx);
      let metas: DocumentMeta[];
      if (input.scope === 'document') metas = [meta(input.documentId)];
      else if (input.scope === 'corpus') metas = ctx.corpus().listDocuments();
      else {
        const notebook = createNotebookService(ctx).queryNotebook(input.filter);
        const found = ctx.corpus().documentMetas(notebook.groups.map((group) => group.documentId));
        metas = notebook.groups.map((group) => found.get(group.documentId)).filter((m): m is NonNullable<typeof m> => m !== undefined);
      }
      if (metas.length === 0) throw new ServiceError('invalid-argument', 'No document to export: the notebook shows none with these filters.');
      const file = BIBLIOGRAPHY_FILES[input.format];
      const content = await engine.bibliography(metas.map(items), input.format);
      const base = input.scope === 'document' ? input.documentId.replace(/[^\w.-]+/g, '-') : `carrel-${input.scope === 'corpus' ? 'corpus' : 'notebook'}`;
      return saveExport(deps.dialogs, {
        title: `Export the bibliography as ${file.name}`,
        suggestedName: `${base}-bibliography.${file.extension}`,
        filters: [{ name: file.name, extensions: [file.extension] }],
        content,
        count: metas.length,
      });
    },
  };
}

async function cite(engine: AsyncCitationEngine, item: CslItem, style: CitationStyle, locator?: FormattedCitation['locator'], quote?: string): Promise<FormattedCitation> {
  // One round trip to the worker for both.
  const [citation, reference] = (await engine.batch([
    { method: 'citation', args: [item, style, locator] },
    { method: 'reference', args: [item, style] },
  ])) as [string, string];
  if (quote === undefined) return { style, citation, reference, ...(locator ? { locator } : {}) };
  return {
    style,
    citation,
    reference,
    ...(locator ? { locator } : {}),
    quote,
    quoteWithCitation: `“${quote}” ${citation}\n\n${reference}`,
  };
}
