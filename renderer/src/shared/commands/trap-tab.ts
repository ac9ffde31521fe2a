import type { KeyboardEvent } from 'react';

const FOCUSABLE = 'button:not([disabled]), input:not([disabled]), [href], [tabindex]:not([tabindex="-1"])';

/** Keeps Tab and Shift+Tab inside a modal dialog (the element the handler is on). */
export function trapTab(event: KeyboardEvent<HTMLElement>): void {
  if (event.key !== 'Tab') return;
  const focusable = Array.from(event.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE));
  if (focusable.length === 0) return;
  event.preventDefault();
  const index = focusable.indexOf(document.activeElement as HTMLElement);
  const next = event.shiftKey ? index - 1 : index + 1;
  focusable[(next + focusable.length) % focusable.length]!.focus();
}
