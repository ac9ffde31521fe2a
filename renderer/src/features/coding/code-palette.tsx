import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { Code } from '@common/coding/coding-types';
import { trapTab } from '../../shared/commands/trap-tab';
import { codeColorClass } from './code-colors';
import { filterCodes } from './code-tree';
import '../../shared/commands/command-palette.css';

type Props = {
  /** What is being coded, for the title: "the highlight “…”". */
  subject: string;
  codes: readonly Code[];
  /** Codes already on the passage: shown ticked; choosing one again removes it. */
  applied: ReadonlySet<string>;
  onToggle: (codeId: string) => void;
  /** Makes a code of the text typed (no code had that name) and applies it. */
  onCreate: (name: string) => void;
  onClose: () => void;
  /** A failure to say in the dialog (the code was not applied). */
  error?: string | null;
};

type Option = { kind: 'code'; code: Code; path: string } | { kind: 'create'; name: string };

/**
 * The code palette: type to filter the codebook, arrows to choose, Enter applies the code (or
 * removes it when already applied) and closes, Shift+Enter does so and stays open for the next
 * code, Esc closes. With a name no code has, the last option makes that code.
 */
export function CodePalette({ subject, codes, applied, onToggle, onCreate, onClose, error }: Props) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState({ query: '', index: 0 });
  const inputRef = useRef<HTMLInputElement>(null);
  const titleId = useId();
  const listId = useId();
  const name = query.replace(/\s+/gu, ' ').trim();
  const rows = filterCodes(codes, query);
  const options: Option[] = [
    ...rows.map((r): Option => ({ kind: 'code', code: r.code, path: r.path })),
    ...(name && !codes.some((c) => c.name.toLocaleLowerCase() === name.toLocaleLowerCase()) ? [{ kind: 'create', name } as const] : []),
  ];
  const index = options.length === 0 ? -1 : active.query === query ? Math.min(active.index, options.length - 1) : 0;
  const optionId = (i: number) => `${listId}-${i}`;

  useEffect(() => inputRef.current?.focus(), []);
  useEffect(() => {
    if (index >= 0) document.getElementById(optionId(index))?.scrollIntoView({ block: 'nearest' });
  });

  const choose = (option: Option | undefined, stay: boolean) => {
    if (!option) return;
    if (option.kind === 'code') onToggle(option.code.id);
    else onCreate(option.name);
    if (stay) setQuery('');
    else onClose();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onClose();
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (options.length > 0) setActive({ query, index: (index + (event.key === 'ArrowDown' ? 1 : -1) + options.length) % options.length });
    } else if (event.key === 'Enter') {
      event.preventDefault();
      choose(options[index], event.shiftKey);
    } else trapTab(event);
  };

  return (
    <div className="command-backdrop" onMouseDown={(event) => event.target === event.currentTarget && onClose()}>
      <div className="command-palette code-palette" role="dialog" aria-modal="true" aria-labelledby={titleId} onKeyDown={onKeyDown}>
        <h2 id={titleId} className="command-title">
          Codes for <span dir="auto">{subject}</span>
        </h2>
        <input
          ref={inputRef}
          className="command-input"
          type="text"
          dir="auto"
          role="combobox"
          aria-label="Type to filter the codes"
          aria-expanded="true"
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={index >= 0 ? optionId(index) : undefined}
          placeholder="Type a code; Enter applies, Shift+Enter applies and stays, Esc closes"
          autoComplete="off"
          spellCheck={false}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
        <ul id={listId} className="command-list" role="listbox" aria-label="Codes" aria-multiselectable="true">
          {options.map((option, i) => (
            <li
              key={option.kind === 'code' ? option.code.id : 'create'}
              id={optionId(i)}
              className="command-option"
              role="option"
              aria-selected={i === index}
              aria-checked={option.kind === 'code' ? applied.has(option.code.id) : undefined}
              onMouseMove={() => i !== index && setActive({ query, index: i })}
              onMouseDown={(event) => event.preventDefault()}
              onClick={(event) => choose(option, event.shiftKey)}
            >
              {option.kind === 'code' ? (
                <>
                  <span className={`code-dot ${codeColorClass(option.code.color)}`} aria-hidden="true" />
                  <span className="command-label" dir="auto">
                    {option.path}
                  </span>
                  <span className="command-scope">{applied.has(option.code.id) ? '✓ applied (Enter removes)' : ''}</span>
                </>
              ) : (
                <span className="command-label">
                  Create the code “<span dir="auto">{option.name}</span>” and apply it
                </span>
              )}
            </li>
          ))}
        </ul>
        {error && (
          <p className="inline-error" role="alert">
            {error}
          </p>
        )}
        <p className="command-status" role="status">
          {codes.length === 0 && !name
            ? 'The codebook is empty: type a name to make the first code.'
            : options.length === 0
              ? `No code matches “${name}”.`
              : `${rows.length} ${rows.length === 1 ? 'code' : 'codes'}; ${applied.size} applied`}
        </p>
      </div>
    </div>
  );
}
