import type { CodedPassageView } from '@common/coding/coding-types';
import { useApiQuery } from '../../shared/data/use-api-query';
import { ErrorPanel } from '../../shared/error-panel';
import { codeColorClass } from './code-colors';
import { codePaths } from './code-tree';
import { useCodebook } from './use-codebook';
import './coding.css';

type Props = {
  codeId: string;
  /** Only the passages of one document (a cell of the matrix). */
  documentId?: string;
  withSubcodes: boolean;
  onWithSubcodesChange: (on: boolean) => void;
  onOpen: (passage: { documentId: string; offset: number; end: number; highlightId: string }) => void;
  onBack: () => void;
  backLabel: string;
};

/** The passages coded with a code (and its sub-codes if asked): each quote in its context, its document and place, opening in the reader. */
export function CodedPassagesView({ codeId, documentId, withSubcodes, onWithSubcodesChange, onOpen, onBack, backLabel }: Props) {
  const { codes, byId } = useCodebook();
  const code = byId.get(codeId);
  const passages = useApiQuery('listCodedPassages', { codeId, withSubcodes, ...(documentId ? { documentId } : {}) });
  const paths = codePaths(codes);
  const list = passages.value ?? [];
  const hasChildren = codes.some((c) => c.parentId === codeId);
  const documentTitle = documentId ? list[0]?.documentTitle : undefined;

  return (
    <div className="coding-view">
      <button type="button" className="link-button" onClick={onBack}>
        ← {backLabel}
      </button>
      <h1>
        Coded passages: <span dir="auto">{paths.get(codeId) ?? code?.name ?? ''}</span>
      </h1>
      {documentId && (
        <p className="coding-hint">
          In <span dir="auto">{documentTitle ?? 'one document'}</span> only.
        </p>
      )}
      <div className="coding-toolbar">
        {hasChildren && (
          <label className="checkbox-label">
            <input type="checkbox" checked={withSubcodes} onChange={(e) => onWithSubcodesChange(e.target.checked)} /> Include its sub-codes
          </label>
        )}
        <p className="coding-hint" role="status">
          {passages.loading ? 'Finding the passages…' : `${list.length} ${list.length === 1 ? 'passage' : 'passages'}`}
        </p>
      </div>
      {passages.error && <ErrorPanel title="The coded passages could not be listed" error={passages.error} />}
      {list.length === 0 && !passages.loading && !passages.error && <p className="coding-hint">No passage carries this code yet.</p>}
      <ul className="passage-list" aria-label="Coded passages">
        {list.map((p) => (
          <Passage key={p.highlightId} passage={p} labelOf={(id) => byId.get(id)} onOpen={onOpen} />
        ))}
      </ul>
    </div>
  );
}

function Passage({ passage: p, labelOf, onOpen }: { passage: CodedPassageView; labelOf: (id: string) => { name: string; color: string } | undefined; onOpen: Props['onOpen'] }) {
  return (
    <li className="passage">
      <p className="passage-text" dir="auto">
        {p.before && <>…{p.before}</>}
        <mark className="passage-quote">{p.quote}</mark>
        {p.after && <>{p.after}…</>}
      </p>
      <div className="passage-meta">
        <span className="passage-title" dir="auto">
          {p.documentTitle}
        </span>
        <span>{p.page ? `p. ${p.page}` : `characters ${p.start.toLocaleString()}–${p.end.toLocaleString()}`}</span>
        <ul className="code-chips" aria-label="Codes">
          {p.codeIds.flatMap((id) => {
            const code = labelOf(id);
            return code
              ? [
                  <li key={id} className={`code-chip ${codeColorClass(code.color)}`}>
                    <span className="code-dot" aria-hidden="true" />
                    <span dir="auto">{code.name}</span>
                  </li>,
                ]
              : [];
          })}
        </ul>
        <button type="button" className="small-button" onClick={() => onOpen({ documentId: p.documentId, offset: p.start, end: p.end, highlightId: p.highlightId })}>
          Open in the reader
        </button>
      </div>
    </li>
  );
}
