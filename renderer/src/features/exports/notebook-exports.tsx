import { useId, useState } from 'react';
import { BIBLIOGRAPHY_FORMATS, type BibliographyFormat } from '@common/citations/citation-types';
import {
  DEFAULT_MARKDOWN_OPTIONS,
  EXPORT_FORMAT_LABELS,
  MARKDOWN_CONTENT_LABELS,
  MARKDOWN_CONTENTS,
  MARKDOWN_GROUPING_LABELS,
  MARKDOWN_GROUPINGS,
  NOTEBOOK_EXPORT_FORMATS,
  type ImportReport,
  type MarkdownContent,
  type MarkdownGrouping,
  type MarkdownOptions,
  type NotebookExportFormat,
} from '@common/exports/export-types';
import type { NotebookQuery } from '@common/notes/notebook-types';
import { useApiMutation } from '../../shared/data/use-api-mutation';
import { RefiQdaImport } from './refi-qda-import';
import './exports.css';

type Format = NotebookExportFormat | BibliographyFormat;
const FORMATS: Format[] = [...NOTEBOOK_EXPORT_FORMATS, ...BIBLIOGRAPHY_FORMATS];
const isBibliography = (format: Format): format is BibliographyFormat => (BIBLIOGRAPHY_FORMATS as readonly string[]).includes(format);
/** What an option of the Markdown export does, said under the controls (notebook-export.ts writes it into the file too). */
const INCLUDE_HINTS: Record<MarkdownContent, string> = {
  all: '',
  highlights: 'The quotations with their citation, colour, place and tags; no notes, no bookmarks.',
  notes: 'Document notes, and the note of each highlight that has one, after its quotation; no bookmarks.',
};
const GROUPING_HINTS: Record<MarkdownGrouping, string> = {
  document: '',
  tag: 'A highlight with several tags appears under each; those without one under “Untagged”.',
  colour: 'Colours in the palette’s order, then what has no colour.',
};

const AFTER_IMPORT = ['queryNotebook', 'listNotedDocuments', 'listTags', 'listAnchorReviews', 'listHighlights', 'listDocumentNotes', 'listBookmarks'] as const;

/**
 * The notebook's way out and in: export what the filters show (or everything) as Markdown, CSV,
 * W3C JSON-LD, or the bibliography of its documents (BibTeX, RIS, CSL-JSON), to a file chosen in
 * the shell's save dialog; import a W3C Web Annotation file, ending with what it did.
 */
export function NotebookExports({ filter }: { filter: NotebookQuery }) {
  const ids = { format: useId(), scope: useId(), include: useId(), groupBy: useId(), hint: useId() };
  const [format, setFormat] = useState<Format>('markdown');
  const [markdown, setMarkdown] = useState<MarkdownOptions>(DEFAULT_MARKDOWN_OPTIONS);
  const [scope, setScope] = useState<'filtered' | 'all' | 'corpus'>('filtered');
  const [saved, setSaved] = useState<string | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const exportNotebook = useApiMutation('exportNotebook', { report: 'inline', failure: 'The notebook was not exported' });
  const exportBibliography = useApiMutation('exportBibliography', { report: 'inline', failure: 'The bibliography was not exported' });
  const importAnnotations = useApiMutation('importAnnotations', { report: 'inline', failure: 'Nothing was imported', invalidates: AFTER_IMPORT });
  const filtered = Object.keys(filter).length > 0;
  const chosen = scope === 'filtered' ? filter : {};
  const busy = exportNotebook.pending || exportBibliography.pending || importAnnotations.pending;

  const runExport = async () => {
    setSaved(null);
    const result = isBibliography(format)
      ? await exportBibliography.run(scope === 'corpus' ? { scope: 'corpus', format } : { scope: 'notebook', filter: chosen, format })
      : await exportNotebook.run({ format, filter: scope === 'corpus' ? {} : chosen, ...(format === 'markdown' ? { markdown } : {}) });
    if (result.ok && result.value.status === 'saved') {
      const { count, file } = result.value;
      setSaved(`${isBibliography(format) ? `${count} ${count === 1 ? 'reference' : 'references'}` : `${count} ${count === 1 ? 'entry' : 'entries'}`} saved to ${file}.`);
    }
  };
  const runImport = async () => {
    setReport(null);
    const result = await importAnnotations.run({});
    if (result.ok && result.value.status === 'imported') setReport(result.value);
  };
  const error = exportNotebook.error ?? exportBibliography.error;
  const hint = format === 'markdown' ? [INCLUDE_HINTS[markdown.include], GROUPING_HINTS[markdown.groupBy]].filter(Boolean).join(' ') : '';

  return (
    <section className="notebook-exports" aria-labelledby="exports-title">
      <h2 id="exports-title" className="exports-title">
        Export and import
      </h2>
      <div className="exports-row">
        <span className="filter-field">
          <label className="filter-label" htmlFor={ids.format}>
            Format
          </label>
          <select
            id={ids.format}
            value={format}
            onChange={(e) => {
              const next = e.target.value as Format;
              setFormat(next);
              if (!isBibliography(next) && scope === 'corpus') setScope('all');
            }}
          >
            {FORMATS.map((f) => (
              <option key={f} value={f}>
                {isBibliography(f) ? `Bibliography: ${EXPORT_FORMAT_LABELS[f]}` : EXPORT_FORMAT_LABELS[f]}
              </option>
            ))}
          </select>
        </span>
        <span className="filter-field">
          <label className="filter-label" htmlFor={ids.scope}>
            Of
          </label>
          <select id={ids.scope} value={scope} onChange={(e) => setScope(e.target.value as 'filtered' | 'all' | 'corpus')}>
            <option value="filtered">{filtered ? 'What the filters show' : 'Everything (no filter is set)'}</option>
            <option value="all">Everything</option>
            {isBibliography(format) && <option value="corpus">Every document of the corpus</option>}
          </select>
        </span>
        {format === 'markdown' && (
          <>
            <span className="filter-field">
              <label className="filter-label" htmlFor={ids.include}>
                Holds
              </label>
              <select id={ids.include} aria-describedby={hint ? ids.hint : undefined} value={markdown.include} onChange={(e) => setMarkdown({ ...markdown, include: e.target.value as MarkdownContent })}>
                {MARKDOWN_CONTENTS.map((c) => (
                  <option key={c} value={c}>
                    {MARKDOWN_CONTENT_LABELS[c]}
                  </option>
                ))}
              </select>
            </span>
            <span className="filter-field">
              <label className="filter-label" htmlFor={ids.groupBy}>
                Grouped
              </label>
              <select id={ids.groupBy} aria-describedby={hint ? ids.hint : undefined} value={markdown.groupBy} onChange={(e) => setMarkdown({ ...markdown, groupBy: e.target.value as MarkdownGrouping })}>
                {MARKDOWN_GROUPINGS.map((g) => (
                  <option key={g} value={g}>
                    {MARKDOWN_GROUPING_LABELS[g]}
                  </option>
                ))}
              </select>
            </span>
          </>
        )}
        <button type="button" className="small-button" disabled={busy} onClick={() => void runExport()}>
          {exportNotebook.pending || exportBibliography.pending ? 'Exporting…' : 'Export…'}
        </button>
        <button type="button" className="small-button" disabled={busy} onClick={() => void runImport()}>
          {importAnnotations.pending ? 'Importing…' : 'Import W3C annotations…'}
        </button>
      </div>
      {hint && (
        <p id={ids.hint} className="exports-hint">
          {hint}
        </p>
      )}
      <div role="status" className="exports-status">
        {saved && <p>{saved}</p>}
        {report && (
          <div className="import-report">
            <p>
              <strong>Import of {report.file.split(/[\\/]/).pop()}:</strong> {report.summary}
            </p>
            {report.unplaced.length + report.skipped.length > 0 && (
              <details>
                <summary>What was not placed or skipped ({report.unplaced.length + report.skipped.length})</summary>
                <ul>
                  {[...report.unplaced, ...report.skipped].map((problem, index) => (
                    <li key={`${problem.id}-${index}`} dir="auto">
                      {problem.quote ? `“${problem.quote}”: ` : `${problem.id}: `}
                      {problem.reason}
                    </li>
                  ))}
                </ul>
              </details>
            )}
          </div>
        )}
      </div>
      {error && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
      {importAnnotations.error && (
        <p className="inline-error" role="alert">
          {importAnnotations.error}
        </p>
      )}
      <RefiQdaImport />
    </section>
  );
}
