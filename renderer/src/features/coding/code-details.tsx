import { useState, type FormEvent } from 'react';
import type { Code } from '@common/coding/coding-types';
import { CODE_COLORS, codeColorClass, codeColorName } from './code-colors';
import { subtree, type TreeRow } from './code-tree';

type Props = {
  code: Code;
  rows: readonly TreeRow[];
  codes: readonly Code[];
  passages: number;
  nameRef: React.RefObject<HTMLInputElement | null>;
  onRename: (name: string) => Promise<boolean>;
  onUpdate: (changes: { color?: string; description?: string; memo?: string }) => Promise<boolean>;
  onMove: (parentId: string | null) => void;
  onMerge: (intoId: string) => void;
  onAddChild: (name: string) => Promise<boolean>;
  onDelete: () => void;
  onShowPassages: () => void;
};

/** The selected code: its name, colour, description and memo, where it sits, and what can be done to it. */
export function CodeDetails({ code, rows, codes, passages, nameRef, onRename, onUpdate, onMove, onMerge, onAddChild, onDelete, onShowPassages }: Props) {
  const [name, setName] = useState(code.name);
  const [description, setDescription] = useState(code.description);
  const [memo, setMemo] = useState(code.memo);
  const [child, setChild] = useState('');
  const under = subtree(codes, code.id);
  const others = rows.filter((r) => !under.has(r.code.id));
  const [parent, setParent] = useState(code.parentId ?? '');
  const [into, setInto] = useState(others[0]?.code.id ?? '');
  const dirty = description !== code.description || memo !== code.memo;

  const rename = async (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() && name !== code.name) await onRename(name);
  };
  const addChild = async (event: FormEvent) => {
    event.preventDefault();
    if (child.trim() && (await onAddChild(child))) setChild('');
  };

  return (
    <section className={`code-details ${codeColorClass(code.color)}`} aria-labelledby="code-details-title">
      <h2 id="code-details-title">
        <span className="code-dot" aria-hidden="true" />
        <span dir="auto">{code.name}</span>
      </h2>
      <form className="code-actions" onSubmit={(e) => void rename(e)}>
        <label>
          Name
          <input ref={nameRef} className="coding-field" dir="auto" value={name} maxLength={200} onChange={(e) => setName(e.target.value)} />
        </label>
        <button type="submit" className="small-button" disabled={!name.trim() || name === code.name}>
          Rename
        </button>
      </form>
      <label>
        Colour
        <select className="coding-field" value={codeColorName(code.color)} onChange={(e) => void onUpdate({ color: CODE_COLORS.find((c) => c.name === e.target.value)?.hex ?? '' })}>
          <option value="none">No colour</option>
          {CODE_COLORS.map((c) => (
            <option key={c.name} value={c.name}>
              {c.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Description (what the code means, when to apply it)
        <textarea className="coding-field" dir="auto" value={description} maxLength={20000} onChange={(e) => setDescription(e.target.value)} />
      </label>
      <label>
        Memo (your thinking about this code)
        <textarea className="coding-field" dir="auto" value={memo} maxLength={20000} onChange={(e) => setMemo(e.target.value)} />
      </label>
      <div className="code-actions">
        <button type="button" className="small-button" disabled={!dirty} onClick={() => void onUpdate({ description, memo })}>
          Save description and memo
        </button>
        {dirty && <span className="coding-hint">Not saved yet.</span>}
      </div>
      <div className="code-actions">
        <button type="button" className="small-button" onClick={onShowPassages}>
          Coded passages ({passages})
        </button>
      </div>
      <form className="code-actions" onSubmit={(e) => void addChild(e)}>
        <label>
          New sub-code
          <input className="coding-field" dir="auto" value={child} maxLength={200} onChange={(e) => setChild(e.target.value)} />
        </label>
        <button type="submit" className="small-button" disabled={!child.trim()}>
          Add sub-code
        </button>
      </form>
      <div className="code-actions">
        <label>
          Move under
          <select className="coding-field" value={parent} onChange={(e) => setParent(e.target.value)}>
            <option value="">(top level)</option>
            {others.map((r) => (
              <option key={r.code.id} value={r.code.id}>
                {r.path}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="small-button" disabled={parent === (code.parentId ?? '')} onClick={() => onMove(parent || null)}>
          Move
        </button>
      </div>
      {others.length > 0 && (
        <div className="code-actions">
          <label>
            Merge into
            <select className="coding-field" value={into} onChange={(e) => setInto(e.target.value)}>
              {others.map((r) => (
                <option key={r.code.id} value={r.code.id}>
                  {r.path}
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="small-button" disabled={!into} onClick={() => onMerge(into)}>
            Merge
          </button>
        </div>
      )}
      <div className="code-actions">
        <button type="button" className="danger-button" onClick={onDelete}>
          Delete code
        </button>
        <span className="coding-hint">With its sub-codes and codings; it can be undone.</span>
      </div>
    </section>
  );
}
