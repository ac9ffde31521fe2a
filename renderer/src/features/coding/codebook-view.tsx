import { useEffect, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { Result } from '@common/result';
import { useApiMutation } from '../../shared/data/use-api-mutation';
import { useApiQuery } from '../../shared/data/use-api-query';
import { ErrorPanel } from '../../shared/error-panel';
import { codeColorClass, nextCodeColor } from './code-colors';
import { CodeDetails } from './code-details';
import { treeRows } from './code-tree';
import { CODING_QUERIES, useCodebook } from './use-codebook';
import './coding.css';

type Props = {
  onShowPassages: (codeId: string) => void;
  onShowMatrix: () => void;
};

/**
 * The codebook: the tree of codes (arrows move, Right and Left open and close, Enter or F2 goes to
 * the name, Alt+Right puts a code under the one above, Alt+Left moves it up a level, Delete
 * deletes with Undo), and the selected code's details.
 */
export function CodebookView({ onShowPassages, onShowMatrix }: Props) {
  const { codes, byId, error: loadError } = useCodebook();
  const matrix = useApiQuery('getCodingMatrix', undefined).value;
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const rows = useMemo(() => treeRows(codes, collapsed), [codes, collapsed]);
  const allRows = useMemo(() => treeRows(codes), [codes]);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const selected = selectedId ? byId.get(selectedId) : undefined;
  const [error, setError] = useState<string | null>(null);
  const [removed, setRemoved] = useState<{ deletionId: string; text: string } | null>(null);
  const [newName, setNewName] = useState('');
  const treeRef = useRef<HTMLUListElement>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const focusOnSelect = useRef(false);

  const stale = { invalidates: CODING_QUERIES, report: 'inline' as const };
  const create = useApiMutation('createCode', { ...stale, failure: 'The code was not created' });
  const rename = useApiMutation('renameCode', { ...stale, failure: 'The code was not renamed' });
  const update = useApiMutation('updateCode', { ...stale, failure: 'The code was not saved' });
  const move = useApiMutation('moveCode', { ...stale, failure: 'The code was not moved' });
  const merge = useApiMutation('mergeCode', { ...stale, failure: 'The codes were not merged' });
  const del = useApiMutation('deleteCode', { ...stale, failure: 'The code was not deleted' });
  const undo = useApiMutation('undoCodeRemoval', { ...stale, failure: 'Could not undo' });

  const said = (result: Result<unknown>, failed: (r: Result<unknown>) => string | null) => {
    setError(failed(result));
    return result.ok;
  };

  const counts = useMemo(() => {
    const out = new Map<string, number>();
    for (const c of matrix?.counts ?? []) out.set(c.codeId, (out.get(c.codeId) ?? 0) + c.count);
    return out;
  }, [matrix]);

  // Keyboard focus follows the selected row (after arrows, a create, a move).
  useEffect(() => {
    if (!focusOnSelect.current || !selectedId) return;
    focusOnSelect.current = false;
    treeRef.current?.querySelector<HTMLElement>(`[data-code-id="${CSS.escape(selectedId)}"]`)?.focus();
  }, [selectedId, rows]);

  const select = (id: string, focus = true) => {
    focusOnSelect.current = focus;
    setSelectedId(id);
  };

  const addCode = async (name: string, parentId: string | null) => {
    const result = await create.run({ name, parentId, color: nextCodeColor(codes.map((c) => c.color)) });
    if (!said(result, create.failed) || !result.ok) return false;
    if (parentId) setCollapsed((old) => new Set([...old].filter((id) => id !== parentId)));
    select(result.value.id, false);
    return true;
  };

  const onCreate = async (event: FormEvent) => {
    event.preventDefault();
    if (newName.trim() && (await addCode(newName, null))) setNewName('');
  };

  const moveTo = async (id: string, parentId: string | null) => {
    const result = await move.run({ id, parentId });
    if (said(result, move.failed) && parentId) setCollapsed((old) => new Set([...old].filter((x) => x !== parentId)));
    select(id);
  };

  const remove = async (id: string, into?: string) => {
    const code = byId.get(id);
    const result = into ? await merge.run({ fromId: id, intoId: into }) : await del.run({ id });
    if (!said(result, into ? merge.failed : del.failed) || !result.ok) return;
    const text = into ? `Merged “${code?.name}” into “${byId.get(into)?.name}”; its passages now carry “${byId.get(into)?.name}”.` : `Deleted the code “${code?.name}”, its sub-codes and their codings.`;
    setRemoved({ deletionId: result.value.deletionId, text });
    setSelectedId(into ?? null);
  };

  const onUndo = async () => {
    if (!removed) return;
    const result = await undo.run({ deletionId: removed.deletionId });
    if (said(result, undo.failed)) setRemoved(null);
  };

  const onTreeKey = (event: KeyboardEvent<HTMLUListElement>) => {
    const index = rows.findIndex((r) => r.code.id === selectedId);
    const row = rows[index];
    const go = (i: number) => rows[i] && select(rows[i]!.code.id);
    const key = event.key;
    if (key === 'ArrowDown') go(Math.min(rows.length - 1, index + 1));
    else if (key === 'ArrowUp') go(Math.max(0, index - 1));
    else if (key === 'Home') go(0);
    else if (key === 'End') go(rows.length - 1);
    else if (!row) return;
    else if (key === 'ArrowRight' && event.altKey) {
      // Under the code above at the same level.
      const above = rows.slice(0, index).reverse().find((r) => r.depth === row.depth);
      if (above && above.code.parentId === row.code.parentId) void moveTo(row.code.id, above.code.id);
    } else if (key === 'ArrowLeft' && event.altKey) {
      const parent = row.code.parentId ? byId.get(row.code.parentId) : undefined;
      if (parent) void moveTo(row.code.id, parent.parentId);
    } else if (key === 'ArrowRight') {
      if (row.hasChildren && collapsed.has(row.code.id)) setCollapsed((old) => new Set([...old].filter((x) => x !== row.code.id)));
      else if (row.hasChildren) go(index + 1);
    } else if (key === 'ArrowLeft') {
      if (row.hasChildren && !collapsed.has(row.code.id)) setCollapsed((old) => new Set([...old, row.code.id]));
      else if (row.code.parentId) select(row.code.parentId);
    } else if (key === 'Enter' || key === 'F2') nameRef.current?.focus();
    else if (key === 'Delete') void remove(row.code.id);
    else return;
    event.preventDefault();
  };

  const focusable = selectedId && rows.some((r) => r.code.id === selectedId) ? selectedId : rows[0]?.code.id;

  return (
    <div className="coding-view">
      <h1>Codebook</h1>
      <p className="coding-hint">
        Codes tag passages of the documents for qualitative analysis. In the reader, select text or a highlight and press C (or “Code…”) to apply codes.
      </p>
      {loadError && <ErrorPanel title="The codebook could not be read" error={loadError} />}
      <div className="coding-toolbar">
        <form className="code-actions" onSubmit={(e) => void onCreate(e)}>
          <label>
            New code
            <input className="coding-field" dir="auto" value={newName} maxLength={200} onChange={(e) => setNewName(e.target.value)} />
          </label>
          <button type="submit" className="small-button" disabled={!newName.trim()}>
            Add code
          </button>
        </form>
        <button type="button" className="small-button" onClick={onShowMatrix}>
          Code × document matrix
        </button>
      </div>
      {removed && (
        <div className="coding-notice" role="status">
          <span dir="auto">{removed.text}</span>
          <button type="button" className="small-button" onClick={() => void onUndo()}>
            Undo
          </button>
        </div>
      )}
      {error && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
      <div className="codebook-layout">
        <div>
          <h2 className="panel-title" id="code-tree-title">
            Codes <span className="count">{codes.length}</span>
          </h2>
          {codes.length === 0 ? (
            <p className="coding-hint">No codes yet: name one above, or type a new name in the reader’s code palette.</p>
          ) : (
            <ul className="code-tree" role="tree" aria-labelledby="code-tree-title" ref={treeRef} onKeyDown={onTreeKey}>
              {rows.map((row) => (
                <li
                  key={row.code.id}
                  role="treeitem"
                  data-code-id={row.code.id}
                  aria-level={row.depth + 1}
                  aria-selected={row.code.id === selectedId}
                  aria-expanded={row.hasChildren ? !collapsed.has(row.code.id) : undefined}
                  tabIndex={row.code.id === focusable ? 0 : -1}
                  onClick={() => select(row.code.id)}
                  onFocus={() => selectedId !== row.code.id && setSelectedId(row.code.id)}
                >
                  <div className={`code-row code-depth-${Math.min(row.depth, 5)} ${codeColorClass(row.code.color)}`}>
                    <span className="code-twisty" aria-hidden="true">
                      {row.hasChildren ? (collapsed.has(row.code.id) ? '▸' : '▾') : ''}
                    </span>
                    <span className="code-dot" aria-hidden="true" />
                    <span className="code-name" dir="auto">
                      {row.code.name}
                    </span>
                    <span className="code-count" aria-label={`${counts.get(row.code.id) ?? 0} passages`}>
                      {counts.get(row.code.id) ?? 0}
                    </span>
                  </div>
                </li>
              ))}
            </ul>
          )}
          {codes.length > 0 && <p className="coding-hint">Arrows move; Right/Left open and close; Enter or F2 renames; Alt+Right puts a code under the one above, Alt+Left moves it up; Delete deletes.</p>}
        </div>
        {selected ? (
          <CodeDetails
            key={selected.id}
            code={selected}
            rows={allRows}
            codes={codes}
            passages={counts.get(selected.id) ?? 0}
            nameRef={nameRef}
            onRename={async (name) => said(await rename.run({ id: selected.id, name }), rename.failed)}
            onUpdate={async (changes) => said(await update.run({ id: selected.id, ...changes }), update.failed)}
            onMove={(parentId) => void moveTo(selected.id, parentId)}
            onMerge={(into) => void remove(selected.id, into)}
            onAddChild={(name) => addCode(name, selected.id)}
            onDelete={() => void remove(selected.id)}
            onShowPassages={() => onShowPassages(selected.id)}
          />
        ) : (
          codes.length > 0 && <p className="coding-hint">Choose a code to see and edit its details.</p>
        )}
      </div>
    </div>
  );
}
