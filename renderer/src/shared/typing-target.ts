/** True when a key press belongs to what has focus (a field or a control), not to a page-wide shortcut. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).closest !== 'function') return false;
  const element = target as Element;
  return element.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]') !== null;
}

/** True for elements that act on Enter themselves (buttons, links, fields). */
export function handlesEnter(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).closest !== 'function') return false;
  return isTypingTarget(target) || (target as Element).closest('button, a[href], summary, [role="button"], [role="option"]') !== null;
}
