import type { CitationLocator, CitationStyle } from '../../../common/citations/citation-types';
import type { MarkdownOptions, NotebookExportFormat } from '../../../common/exports/export-types';
import type { CarrelServices } from '../../../common/ipc/ipc-contract';
import type { NotebookGroup, NotebookQuery } from '../../../common/notes/notebook-types';
import type { AsyncCitationEngine, CitationCall } from '../../citations/citation-calls';
import { locateSpan } from '../../citations/locate-span';
import { markdownEntryCount, notebookCsv, notebookMarkdown, type ExportDocument } from '../../exports/notebook-export';
import type { FileDialogs } from '../file-dialogs';
import { documentItems } from './citation-service';
import { createExportService } from './export-service';
import { createNotebookService } from './notebook-service';
import { saveExport } from './save-export';
import type { UserDataContext } from './user-data-context';

export type NotebookExportService = Pick<CarrelServices, 'exportNotebook'>;

const FILES: Record<NotebookExportFormat, { extension: string; name: string }> = {
  markdown: { extension: 'md', name: 'Markdown' },
  csv: { extension: 'csv', name: 'CSV' },
  jsonld: { extension: 'jsonld', name: 'W3C Web Annotations (JSON-LD)' },
};

/** The notebook (as filtered) in one of the export formats, as text: used by the app's export and the command line. */
export async function renderNotebook(
  ctx: UserDataContext,
  engine: AsyncCitationEngine,
  format: NotebookExportFormat,
  filter: NotebookQuery,
  style: CitationStyle,
  markdown?: MarkdownOptions,
): Promise<{ content: string; count: number }> {
  const notebook = createNotebookService(ctx).queryNotebook(filter);
  if (format === 'jsonld') {
    const wanted = new Set(
      notebook.groups.flatMap((group) =>
        group.entries.map((entry) => `urn:uuid:${entry.kind === 'highlight' ? entry.highlight.id : entry.kind === 'note' ? entry.note.id : entry.bookmark.id}`),
      ),
    );
    const { collection } = createExportService(ctx).exportAnnotations({ documentIds: filter.documentIds });
    const items = collection.first.items.filter((item) => wanted.has(item.id));
    return { content: `${JSON.stringify({ ...collection, total: items.length, first: { ...collection.first, items } }, null, 2)}\n`, count: items.length };
  }
  const itemOf = documentItems(ctx);
  const metas = ctx.corpus().documentMetas(notebook.groups.map((group) => group.documentId));
  // Every reference and citation the export may write, asked of the engine in one call (it may
  // be the citation worker): each document's reference, and its citation at each place an entry
  // is at (one per distinct locator: highlights in one paragraph share it).
  const calls: CitationCall[] = [];
  const plans = notebook.groups.map((group) => {
    const meta = metas.get(group.documentId);
    const item = meta ? itemOf(meta) : { id: group.documentId, type: 'document' as const, title: group.documentTitle || group.documentId };
    const doc = meta ? ctx.document(group.documentId) : undefined;
    const locatorAt = (offset: number | undefined) => (doc && offset !== undefined ? locateSpan(doc, offset) : undefined);
    const reference = calls.push({ method: 'reference', args: [item, style] }) - 1;
    const citations = new Map<string, number>();
    for (const offset of entryOffsets(group.entries)) {
      const locator = locatorAt(offset);
      if (!citations.has(locatorKey(locator))) citations.set(locatorKey(locator), calls.push({ method: 'citation', args: [item, style, locator] }) - 1);
    }
    return { group, locatorAt, reference, citations };
  });
  const answers = await engine.batch(calls);
  const documents: ExportDocument[] = plans.map(({ group, locatorAt, reference, citations }) => ({
    group,
    reference: answers[reference]!,
    citeAt(offset) {
      const locator = locatorAt(offset);
      const at = citations.get(locatorKey(locator));
      if (at === undefined) throw new Error(`No citation was prepared for offset ${offset} of ${group.documentId}.`);
      return { citation: answers[at]!, ...(locator ? { locator } : {}) };
    },
  }));
  if (format === 'markdown') {
    return { content: notebookMarkdown(`Notebook: ${ctx.corpus().info.title}`, ctx.now(), documents, markdown), count: markdownEntryCount(documents, markdown) };
  }
  return { content: notebookCsv(documents), count: notebook.total };
}

/** The places the export cites a document at: its highlights' starts (none for one orphaned) and its bookmarks. */
function entryOffsets(entries: NotebookGroup['entries']): (number | undefined)[] {
  return entries.flatMap((entry) => {
    if (entry.kind === 'highlight') return [entry.highlight.anchor.status === 'orphaned' ? undefined : entry.highlight.anchor.start];
    return entry.kind === 'bookmark' ? [entry.bookmark.offset] : [];
  });
}

const locatorKey = (locator: CitationLocator | undefined) => (locator ? `${locator.label}\u0000${locator.value}` : '');

/** "-highlights-by-tag": the options in the suggested name, so two exports of the same notebook do not replace each other unasked. */
function markdownSuffix(options: MarkdownOptions | undefined): string {
  if (!options) return '';
  return `${options.include === 'all' ? '' : `-${options.include}`}${options.groupBy === 'document' ? '' : `-by-${options.groupBy}`}`;
}

export function createNotebookExportService(
  ctx: UserDataContext,
  deps: { dialogs?: FileDialogs; engine: AsyncCitationEngine; style: () => CitationStyle },
): NotebookExportService {
  return {
    async exportNotebook({ format, filter, style, markdown }) {
      const { content, count } = await renderNotebook(ctx, deps.engine, format, filter, style ?? deps.style(), markdown);
      const file = FILES[format];
      const filtered = Object.values(filter).some((value) => (Array.isArray(value) ? value.length > 0 : Boolean(value)));
      return saveExport(deps.dialogs, {
        title: `Export the notebook as ${file.name}`,
        suggestedName: `carrel-notebook${filtered ? '-filtered' : ''}${format === 'markdown' ? markdownSuffix(markdown) : ''}.${file.extension}`,
        filters: [{ name: file.name, extensions: [file.extension] }],
        content,
        count,
      });
    },
  };
}
