import { useCallback, useMemo, useState, type ReactNode } from 'react';
import type { Highlight } from '@common/notes/notes-types';
import { useCommands, useShortcutText } from '../../shared/commands/command-provider';
import { useApiMutation } from '../../shared/data/use-api-mutation';
import { useApiQuery } from '../../shared/data/use-api-query';
import type { MarginLabel } from '../../shared/decorations';
import type { TextSelection } from '../../shared/reader-types';
import { codeColorClass, nextCodeColor } from './code-colors';
import { CodePalette } from './code-palette';
import { CODING_QUERIES, useCodebook } from './use-codebook';
import './coding.css';

/** What the palette codes: a highlight, or a selection not yet highlighted (the first code highlights it). */
type Target = { kind: 'highlight'; id: string; quote: string } | { kind: 'selection'; start: number; end: number; quote: string };

const NO_CODES: readonly string[] = [];
const short = (text: string) => {
  const line = text.replace(/\s+/gu, ' ').trim();
  return line.length > 40 ? `“${[...line].slice(0, 39).join('').trimEnd()}…”` : `“${line}”`;
};

export type ReaderCoding = {
  labelsOf: (highlightId: string) => readonly MarginLabel[];
  highlightExtra: (highlight: Highlight) => ReactNode;
  selectionExtra: (selection: TextSelection, done: () => void) => ReactNode;
  /** The code palette while it is open. */
  palette: ReactNode;
};

/** Codes in the reader of one document: the margin labels, the codes of the selected highlight, the code palette. */
export function useReaderCoding(documentId: string, documentText: string | undefined): ReaderCoding {
  const { codes, byId } = useCodebook();
  const codings = useApiQuery('listDocumentCodings', { documentId });
  const codesOf = useMemo(() => new Map((codings.value ?? []).map((h) => [h.highlightId, h.codeIds])), [codings.value]);
  const [target, setTarget] = useState<Target | null>(null);
  const [error, setError] = useState<string | null>(null);
  const stale = [...CODING_QUERIES, 'queryNotebook'] as const;
  const apply = useApiMutation('applyCode', { report: 'inline', failure: 'The code was not applied', invalidates: stale });
  const unapply = useApiMutation('removeCodeFromHighlight', { report: 'inline', failure: 'The code was not removed', invalidates: stale });
  const create = useApiMutation('createCode', { report: 'inline', failure: 'The code was not created', invalidates: ['listCodebook'] });
  const highlight = useApiMutation('createHighlight', {
    report: 'inline',
    failure: 'The highlight was not saved',
    invalidates: ['listHighlights', 'queryNotebook', 'listNotedDocuments'],
  });

  const labelsOf = useCallback(
    (highlightId: string): readonly MarginLabel[] =>
      (codesOf.get(highlightId) ?? NO_CODES).flatMap((id) => {
        const code = byId.get(id);
        return code ? [{ text: code.name, className: `code-mark ${codeColorClass(code.color)}` }] : [];
      }),
    [codesOf, byId],
  );

  /** The highlight a code goes on: the target's, or a new one made of the selection (then the target). */
  const highlightOf = useCallback(
    async (t: Target): Promise<string | null> => {
      if (t.kind === 'highlight') return t.id;
      const made = await highlight.run({ documentId, start: t.start, end: t.end, color: 'yellow' });
      setError(highlight.failed(made));
      if (!made.ok) return null;
      setTarget({ kind: 'highlight', id: made.value.id, quote: t.quote });
      return made.value.id;
    },
    [documentId, highlight],
  );

  const toggle = useCallback(
    async (t: Target, codeId: string) => {
      const highlightId = await highlightOf(t);
      if (!highlightId) return;
      const on = (codesOf.get(highlightId) ?? NO_CODES).includes(codeId);
      const result = on ? await unapply.run({ codeId, highlightId }) : await apply.run({ codeId, highlightId });
      setError((on ? unapply : apply).failed(result));
      void codings.refetch();
    },
    [highlightOf, codesOf, apply, unapply, codings],
  );

  const createAndApply = useCallback(
    async (t: Target, name: string) => {
      const made = await create.run({ name, color: nextCodeColor(codes.map((c) => c.color)) });
      setError(create.failed(made));
      if (made.ok) await toggle(t, made.value.id);
    },
    [create, codes, toggle],
  );

  const openForHighlight = useCallback((h: Highlight) => {
    setError(null);
    setTarget({ kind: 'highlight', id: h.id, quote: h.quote.exact });
  }, []);
  const openForSelection = useCallback(
    (selection: TextSelection) => {
      setError(null);
      setTarget({ kind: 'selection', start: selection.start, end: selection.end, quote: documentText?.slice(selection.start, selection.end) ?? '' });
    },
    [documentText],
  );

  const highlightExtra = useCallback(
    (h: Highlight) => (
      <HighlightCodes
        key={`codes:${h.id}`}
        highlight={h}
        codeIds={codesOf.get(h.id) ?? NO_CODES}
        labelOf={(id) => byId.get(id)}
        onOpen={() => openForHighlight(h)}
        onRemove={(codeId) => void toggle({ kind: 'highlight', id: h.id, quote: h.quote.exact }, codeId)}
        paletteOpen={target !== null}
      />
    ),
    [codesOf, byId, openForHighlight, toggle, target],
  );

  const selectionExtra = useCallback(
    (selection: TextSelection, done: () => void) => (
      <CodeSelectionButton
        onCode={() => {
          openForSelection(selection);
          done();
        }}
      />
    ),
    [openForSelection],
  );

  const applied = target?.kind === 'highlight' ? new Set(codesOf.get(target.id) ?? NO_CODES) : new Set<string>();
  const palette = target && (
    <CodePalette
      subject={target.kind === 'highlight' ? `the highlight ${short(target.quote)}` : `the selection ${short(target.quote)}`}
      codes={codes}
      applied={applied}
      onToggle={(codeId) => void toggle(target, codeId)}
      onCreate={(name) => void createAndApply(target, name)}
      onClose={() => setTarget(null)}
      error={error}
    />
  );

  return { labelsOf, highlightExtra, selectionExtra, palette };
}

/** "Code…" on the selection toolbar; C does the same while text is selected. */
function CodeSelectionButton({ onCode }: { onCode: () => void }) {
  const key = useShortcutText('coding.code-selection');
  useCommands({ 'coding.code-selection': { run: onCode } });
  return (
    <button type="button" className="toolbar-note" title={`Highlight the selection and apply codes (${key})`} onClick={onCode}>
      Code…
    </button>
  );
}

type HighlightCodesProps = {
  highlight: Highlight;
  codeIds: readonly string[];
  labelOf: (id: string) => { name: string; color: string } | undefined;
  onOpen: () => void;
  onRemove: (codeId: string) => void;
  paletteOpen: boolean;
};

/** The codes of the selected highlight, each removable, and "Apply codes…" (C). */
function HighlightCodes({ codeIds, labelOf, onOpen, onRemove, paletteOpen }: HighlightCodesProps) {
  const key = useShortcutText('coding.code-highlight');
  useCommands({ 'coding.code-highlight': { when: () => !paletteOpen, run: onOpen } });
  const shown = codeIds.flatMap((id) => {
    const code = labelOf(id);
    return code ? [{ id, ...code }] : [];
  });
  return (
    <section className="highlight-codes" aria-label="Codes">
      <h3 className="field-label highlight-codes-title">Codes</h3>
      {shown.length > 0 ? (
        <ul className="code-chips">
          {shown.map((code) => (
            <li key={code.id} className={`code-chip ${codeColorClass(code.color)}`}>
              <span className="code-dot" aria-hidden="true" />
              <span dir="auto">{code.name}</span>
              <button type="button" className="link-button" aria-label={`Remove the code ${code.name}`} title="Remove this code from the passage" onClick={() => onRemove(code.id)}>
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="panel-hint">No code on this passage yet.</p>
      )}
      <button type="button" className="small-button" onClick={onOpen} title={`Apply codes (${key})`}>
        Apply codes… ({key})
      </button>
    </section>
  );
}
