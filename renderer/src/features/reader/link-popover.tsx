import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import './link-popover.css';

type Props = {
  href: string;
  /** The link text it belongs to (span.doc-link); focus returns there on Escape or Close. */
  anchor: HTMLElement;
  onClose: () => void;
};

type Status = { kind: 'idle' | 'copied' | 'selected'; text: string };

/**
 * A document link's address, shown and offered to copy, never opened. The address sits in a
 * read-only field, selected on opening, so Ctrl+C copies it whatever the clipboard API allows.
 */
export function LinkPopover({ href, anchor, onClose }: Props) {
  const boxRef = useRef<HTMLDivElement>(null);
  const fieldRef = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState<Status>({ kind: 'idle', text: '' });

  // Placed under the link text, kept inside the reader's width (a measured layout, not state).
  useLayoutEffect(() => {
    const popover = boxRef.current;
    // Its positioned parent: the reader layout (link-popover.css).
    const container = popover?.offsetParent;
    if (!popover || !container) return;
    const link = anchor.getBoundingClientRect();
    const box = container.getBoundingClientRect();
    popover.style.top = `${link.bottom - box.top + 6}px`;
    popover.style.left = `${Math.max(0, Math.min(link.left - box.left, box.width - popover.offsetWidth))}px`;
    popover.style.visibility = 'visible';
  }, [anchor]);

  useEffect(() => {
    fieldRef.current?.focus();
    fieldRef.current?.select();
    anchor.setAttribute('aria-expanded', 'true');
    return () => anchor.removeAttribute('aria-expanded');
  }, [anchor]);

  // A press outside closes it (the link itself toggles it in the reader).
  useEffect(() => {
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!boxRef.current?.contains(target) && !anchor.contains(target)) onClose();
    };
    document.addEventListener('pointerdown', onPointerDown, true);
    return () => document.removeEventListener('pointerdown', onPointerDown, true);
  }, [anchor, onClose]);

  const closeToLink = () => {
    onClose();
    anchor.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'Escape') return;
    // Handled here: the reader must not take this Escape as "back to the library".
    event.preventDefault();
    event.stopPropagation();
    closeToLink();
  };

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(href);
      setStatus({ kind: 'copied', text: 'Address copied.' });
    } catch {
      // The app denies every permission request, clipboard-sanitized-write included, so in
      // Electron writeText is refused. Copying the selected field on this click needs no
      // permission; if even that fails, the address stays selected for Ctrl+C.
      fieldRef.current?.focus();
      fieldRef.current?.select();
      const copied = document.execCommand('copy');
      setStatus(
        copied
          ? { kind: 'copied', text: 'Address copied.' }
          : { kind: 'selected', text: 'Copying is not allowed here: the address is selected, press Ctrl+C to copy it.' },
      );
    }
  };

  return (
    <div
      ref={boxRef}
      className="link-popover"
      role="dialog"
      aria-label="Link address"
      onKeyDown={onKeyDown}
      onBlur={(event) => {
        // Tabbing out of the popover closes it, leaving focus where it went.
        if (event.relatedTarget && !event.currentTarget.contains(event.relatedTarget as Node)) onClose();
      }}
    >
      <p className="link-popover-note">Link address (Carrel never opens links):</p>
      <div className="link-popover-row">
        <input ref={fieldRef} className="link-address" type="text" readOnly value={href} aria-label="Link address" spellCheck={false} />
        <button type="button" className="link-copy" onClick={() => void copy()}>
          Copy address
        </button>
        <button type="button" className="link-close" aria-label="Close" title="Close (Esc)" onClick={closeToLink}>
          ×
        </button>
      </div>
      <p className={`link-popover-status ${status.kind}`} role="status">
        {status.text}
      </p>
    </div>
  );
}
