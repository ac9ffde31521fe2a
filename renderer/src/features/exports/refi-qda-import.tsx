import { useState } from 'react';
import type { RefiImportReport } from '@common/coding/refi-import-report';
import { useApiMutation } from '../../shared/data/use-api-mutation';

const AFTER_IMPORT = ['listCodebook', 'listDocumentCodings', 'getCodingMatrix', 'queryNotebook', 'listNotedDocuments', 'listHighlights', 'listAnchorReviews'] as const;

/** Every line of a report worth a look: codes and passages left out, sources that match no document, what Carrel does not keep. */
function reportLines(report: RefiImportReport): string[] {
  return [
    ...report.sources.unmatched.map((s) => `Source “${s.name}” matched no document: ${s.reason}${s.selections ? ` (${s.selections} coded ${s.selections === 1 ? 'selection' : 'selections'} not imported)` : ''}.`),
    ...report.passages.problems.map((p) => `“${p.name}” in “${p.source}”: ${p.reason}.`),
    ...report.codes.skipped.map((c) => `Code “${c.name}” left out: ${c.reason}.`),
    ...report.ignored.map((what) => `Not imported: ${what}.`),
  ];
}

/**
 * Imports a REFI-QDA project (.qdpx from ATLAS.ti, MAXQDA, NVivo, QualCoder…) or codebook (.qdc)
 * chosen in the open dialog, then says what it did: codes added and already here, sources matched
 * or not, coded passages added, and every source or passage it could not use, with why.
 */
export function RefiQdaImport() {
  const [report, setReport] = useState<RefiImportReport | null>(null);
  const importRefi = useApiMutation('importRefiQda', { report: 'inline', failure: 'Nothing was imported', invalidates: AFTER_IMPORT });
  const run = async () => {
    setReport(null);
    const result = await importRefi.run({});
    if (result.ok && result.value.status === 'imported') setReport(result.value);
  };
  const lines = report ? reportLines(report) : [];
  return (
    <div className="refi-import">
      <div className="exports-row">
        <button type="button" className="small-button" disabled={importRefi.pending} onClick={() => void run()}>
          {importRefi.pending ? 'Importing…' : 'Import REFI-QDA…'}
        </button>
      </div>
      <div role="status" className="exports-status">
        {report && (
          <div className="import-report refi-import-report">
            <p>
              <strong>Import of {report.file.split(/[\\/]/).pop()}:</strong> {report.summary}
            </p>
            {report.sources.matched.length > 0 && (
              <p dir="auto">Matched: {report.sources.matched.map((s) => (s.title && s.title !== s.name ? `${s.name} → ${s.title}` : s.name)).join('; ')}.</p>
            )}
            {lines.length > 0 && (
              <details>
                <summary>What was not imported ({lines.length})</summary>
                <ul>
                  {lines.map((line, index) => (
                    <li key={index} dir="auto">
                      {line}
                    </li>
                  ))}
                </ul>
              </details>
            )}
          </div>
        )}
      </div>
      {importRefi.error && (
        <p className="inline-error" role="alert">
          {importRefi.error}
        </p>
      )}
    </div>
  );
}
