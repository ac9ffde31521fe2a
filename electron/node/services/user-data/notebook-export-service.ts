import type { CitationStyle } from '../../../common/citations/citation-types';
import type { MarkdownOptions, NotebookExportFormat } from '../../../common/exports/export-types';
import type { CarrelServices } from '../../../common/ipc/ipc-contract';
import type { NotebookQuery } from '../../../common/notes/notebook-types';
import type { CitationEngine } from '../../citations/citation-engine';
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
export function renderNotebook(
  ctx: UserDataContext,
  engine: CitationEngine,
  format: NotebookExportFormat,
  filter: NotebookQuery,
  style: CitationStyle,
  markdown?: MarkdownOptions,
): { content: string; count: number } {
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
  const documents: ExportDocument[] = notebook.groups.map((group) => {
    const meta = metas.get(group.documentId);
    const item = meta ? itemOf(meta) : { id: group.documentId, type: 'document' as const, title: group.documentTitle || group.documentId };
    const doc = meta ? ctx.document(group.documentId) : undefined;
    return {
      group,
      reference: engine.reference(item, style),
      citeAt(offset) {
        const locator = doc && offset !== undefined ? locateSpan(doc, offset) : undefined;
        return { citation: engine.citation(item, style, locator), ...(locator ? { locator } : {}) };
      },
    };
  });
  if (format === 'markdown') {
    return { content: notebookMarkdown(`Notebook: ${ctx.corpus().info.title}`, ctx.now(), documents, markdown), count: markdownEntryCount(documents, markdown) };
  }
  return { content: notebookCsv(documents), count: notebook.total };
}

/** "-highlights-by-tag": the options in the suggested name, so two exports of the same notebook do not replace each other unasked. */
function markdownSuffix(options: MarkdownOptions | undefined): string {
  if (!options) return '';
  return `${options.include === 'all' ? '' : `-${options.include}`}${options.groupBy === 'document' ? '' : `-by-${options.groupBy}`}`;
}

export function createNotebookExportService(
  ctx: UserDataContext,
  deps: { dialogs?: FileDialogs; engine: () => CitationEngine; style: () => CitationStyle },
): NotebookExportService {
  return {
    async exportNotebook({ format, filter, style, markdown }) {
      const { content, count } = renderNotebook(ctx, deps.engine(), format, filter, style ?? deps.style(), markdown);
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
