import type { BrowserWindow, Screen } from 'electron';
import { placeWindow, type Bounds, type WindowStateFile } from '../node/settings/window-state';

export const DEFAULT_WINDOW_SIZE = { width: 1200, height: 860 };

/** Where the window opens: as left, kept on a display that is there now (window-state.ts decides). */
export function windowPlacement(state: WindowStateFile, screen: Screen): Partial<Bounds> & { width: number; height: number } {
  return placeWindow(state.read().bounds, screen.getAllDisplays().map((d) => d.workArea), DEFAULT_WINDOW_SIZE);
}

/** Saves the window's normal bounds a moment after it moves or is resized, and as it closes. */
export function rememberWindow(window: BrowserWindow, state: WindowStateFile): void {
  if (state.read().maximized) window.maximize();
  let timer: NodeJS.Timeout | undefined;
  const save = () => {
    clearTimeout(timer);
    if (window.isDestroyed() || window.isMinimized()) return;
    const problem = state.saveBounds(window.getNormalBounds(), window.isMaximized());
    if (problem) console.warn(problem);
  };
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(save, 500);
  };
  window.on('resize', later);
  window.on('move', later);
  window.on('close', save);
}
