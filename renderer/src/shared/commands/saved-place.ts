/** Where the user was when a dialog opened: the focused element and the text selected. */
export type SavedPlace = { focus: HTMLElement | null; ranges: Range[] };

export function savePlace(): SavedPlace {
  const selection = document.getSelection();
  const ranges: Range[] = [];
  if (selection && !selection.isCollapsed) for (let i = 0; i < selection.rangeCount; i++) ranges.push(selection.getRangeAt(i).cloneRange());
  return { focus: document.activeElement instanceof HTMLElement ? document.activeElement : null, ranges };
}

/** Focus back where it was, and the selection the dialog's field took (a highlight command needs it). */
export function restorePlace({ focus, ranges }: SavedPlace): void {
  if (focus?.isConnected && focus !== document.body) focus.focus({ preventScroll: true });
  else if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
  const live = ranges.filter((r) => r.startContainer.isConnected && r.endContainer.isConnected);
  if (live.length === 0) return;
  const selection = document.getSelection();
  selection?.removeAllRanges();
  for (const range of live) selection?.addRange(range);
}
