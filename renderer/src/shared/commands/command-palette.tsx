import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { matchesQuery, stepActive } from './palette-filter';
import { trapTab } from './trap-tab';
import './command-palette.css';

export type PaletteItem = { id: string; label: string; scope: string; shortcuts: readonly string[] };

type Props = {
  /** The commands that applied when the palette opened, most specific first. */
  items: readonly PaletteItem[];
  onRun: (id: string) => void;
  onClose: () => void;
};

/** Ctrl+Shift+P: type to filter the commands that apply here, arrows to choose, Enter to run, Esc to go back. */
export function CommandPalette({ items, onRun, onClose }: Props) {
  const [query, setQuery] = useState('');
  // The active row belongs to one query; typing starts again at the top.
  const [selection, setSelection] = useState({ query: '', index: 0 });
  const inputRef = useRef<HTMLInputElement>(null);
  const titleId = useId();
  const listId = useId();
  const shown = items.filter((item) => matchesQuery(`${item.label} ${item.scope} ${item.shortcuts.join(' ')}`, query));
  const active = shown.length === 0 ? -1 : selection.query === query ? Math.min(selection.index, shown.length - 1) : 0;
  const optionId = (index: number) => `${listId}-${index}`;

  useEffect(() => {
    inputRef.current?.focus();
  }, []);

  useEffect(() => {
    if (active >= 0) document.getElementById(optionId(active))?.scrollIntoView({ block: 'nearest' });
  });

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onClose();
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setSelection({ query, index: stepActive(active, shown.length, event.key) });
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const item = shown[active];
      if (item) onRun(item.id);
    } else trapTab(event);
  };

  return (
    <div className="command-backdrop" onMouseDown={(event) => event.target === event.currentTarget && onClose()}>
      <div className="command-palette" role="dialog" aria-modal="true" aria-labelledby={titleId} onKeyDown={onKeyDown}>
        <h2 id={titleId} className="command-title">
          Commands
        </h2>
        <input
          ref={inputRef}
          className="command-input"
          type="text"
          dir="auto"
          role="combobox"
          aria-label="Type to filter the commands"
          aria-expanded="true"
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={active >= 0 ? optionId(active) : undefined}
          placeholder="Type to filter; Enter runs, Esc goes back"
          autoComplete="off"
          spellCheck={false}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
        <ul id={listId} className="command-list" role="listbox" aria-label="Commands that apply here">
          {shown.map((item, index) => (
            <li
              key={item.id}
              id={optionId(index)}
              className="command-option"
              role="option"
              aria-selected={index === active}
              onMouseMove={() => index !== active && setSelection({ query, index })}
              // Keep focus in the field: the click runs the command and the palette gives focus back.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => onRun(item.id)}
            >
              <span className="command-label">{item.label}</span>
              <span className="command-scope">{item.scope}</span>
              <span className="command-keys">
                {item.shortcuts.map((s) => (
                  <kbd key={s} className="key">
                    {s}
                  </kbd>
                ))}
              </span>
            </li>
          ))}
        </ul>
        <p className="command-status" role="status">
          {shown.length > 0
            ? `${shown.length} ${shown.length === 1 ? 'command' : 'commands'}`
            : query.trim()
              ? `No command here matches “${query.trim()}”.`
              : 'No command applies here.'}
        </p>
      </div>
    </div>
  );
}
