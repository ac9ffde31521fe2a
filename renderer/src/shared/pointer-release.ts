/**
 * Whether a pointer button is held down in the window, and a way to wait for its release.
 * A mouse-down blurs a focused field before the click happens; a field that changes size on blur
 * moves the button under the pointer and the click is lost. Such a field waits for the release.
 */
let pressed = false;
const waiting: (() => void)[] = [];

function released() {
  pressed = false;
  // After the click that follows this pointerup (dispatched in the same task).
  window.setTimeout(() => waiting.splice(0).forEach((run) => run()), 0);
}

let installed = false;
function install() {
  if (installed) return;
  installed = true;
  window.addEventListener('pointerdown', () => (pressed = true), { capture: true });
  window.addEventListener('pointerup', released, { capture: true });
  window.addEventListener('pointercancel', released, { capture: true });
  // Released outside the window, or the window lost focus mid-press.
  window.addEventListener('blur', released);
}

/** Runs `fn` now, or once the pointer button held down now is released and its click done. */
export function afterPointerRelease(fn: () => void): void {
  install();
  if (pressed) waiting.push(fn);
  else fn();
}

/** Starts tracking presses (call early: a press begun before install is not seen). */
export function trackPointerPresses(): void {
  install();
}
