import { useEffect, useId, useRef, type KeyboardEvent } from 'react';
import { trapTab } from './trap-tab';
import './command-palette.css';

export type ShortcutGroup = { id: string; label: string; rows: { id: string; label: string; shortcuts: readonly string[] }[] };

/** Every shortcut the window knows, grouped by where it applies (? or F1); Esc goes back. */
export function ShortcutOverlay({ groups, onClose }: { groups: readonly ShortcutGroup[]; onClose: () => void }) {
  const titleId = useId();
  const closeRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    closeRef.current?.focus();
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onClose();
    } else trapTab(event);
  };

  return (
    <div className="command-backdrop" onMouseDown={(event) => event.target === event.currentTarget && onClose()}>
      <div className="shortcut-overlay" role="dialog" aria-modal="true" aria-labelledby={titleId} onKeyDown={onKeyDown}>
        <div className="shortcut-head">
          <h2 id={titleId} className="command-title">
            Keyboard shortcuts
          </h2>
          <button ref={closeRef} type="button" className="small-button" onClick={onClose}>
            Close
          </button>
        </div>
        {/* Focusable so the list scrolls by keyboard when it is longer than the window. */}
        <div className="shortcut-groups" tabIndex={0} aria-label="Shortcuts">
          {groups.map((group) => (
            // A group with long key lists (the caret's) takes the whole width.
            <table key={group.id} className={group.rows.some((r) => r.shortcuts.length > 4) ? 'shortcut-group wide' : 'shortcut-group'}>
              <caption>{group.label}</caption>
              <tbody>
                {group.rows.map((row) => (
                  <tr key={row.id}>
                    <th scope="row">{row.label}</th>
                    <td>
                      <span className="command-keys">
                        {row.shortcuts.map((s) => (
                          <kbd key={s} className="key">
                            {s}
                          </kbd>
                        ))}
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ))}
        </div>
      </div>
    </div>
  );
}
