import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openReadingSettings } from '../../../../electron/node/settings/reading-settings-file';
import { openWindowState, placeWindow } from '../../../../electron/node/settings/window-state';

let dir: string;
let file: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carrel-window-'));
  file = path.join(dir, 'carrel-settings.json');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const SCREEN = { x: 0, y: 0, width: 1920, height: 1040 };
const DEFAULTS = { width: 1200, height: 860 };

describe('the window state in the settings file', () => {
  it('remembers the bounds and the document open in each corpus across launches', () => {
    const first = openWindowState(file);
    expect(first.read()).toEqual({});
    expect(first.saveBounds({ x: 100.4, y: 80, width: 1000, height: 700 }, true)).toBeUndefined();
    first.saveLastDocument('corpus-a', 'doc-1');
    first.saveLastDocument('corpus-b', 'doc-9');
    const again = openWindowState(file);
    expect(again.read().bounds).toEqual({ x: 100, y: 80, width: 1000, height: 700 });
    expect(again.read().maximized).toBe(true);
    expect(again.lastDocument('corpus-a')).toBe('doc-1');
    expect(again.lastDocument('corpus-b')).toBe('doc-9');
    again.saveLastDocument('corpus-a', null);
    expect(openWindowState(file).lastDocument('corpus-a')).toBeNull();
    expect(openWindowState(file).lastDocument('corpus-b')).toBe('doc-9');
  });

  it('shares the file with the reading settings, each keeping the other’s part', () => {
    const settings = openReadingSettings(file);
    settings.change({ theme: 'sepia' });
    openWindowState(file).saveBounds({ x: 1, y: 2, width: 800, height: 600 }, false);
    settings.change({ textSize: 22 });
    expect(openWindowState(file).read().bounds).toEqual({ x: 1, y: 2, width: 800, height: 600 });
    expect(openReadingSettings(file).state().settings).toMatchObject({ theme: 'sepia', textSize: 22 });
  });

  it('drops a bad field of a hand-edited file and keeps the rest; a damaged file starts afresh', () => {
    fs.writeFileSync(file, JSON.stringify({ window: { bounds: { x: 'left', y: 0, width: 10, height: 10 }, maximized: false, lastDocuments: { c: 'd' } } }));
    expect(openWindowState(file).read()).toEqual({ maximized: false, lastDocuments: { c: 'd' } });
    fs.writeFileSync(file, '{ not json');
    expect(openWindowState(file).read()).toEqual({});
  });

  it('says when it cannot save, and keeps the state for the session', () => {
    fs.mkdirSync(file);
    const state = openWindowState(file);
    expect(state.saveBounds({ x: 0, y: 0, width: 900, height: 700 }, false)).toMatch(/^Carrel could not remember its window/);
    expect(state.read().bounds).toEqual({ x: 0, y: 0, width: 900, height: 700 });
  });
});

describe('placeWindow', () => {
  it('opens at the default size, placed by the system, the first time', () => {
    expect(placeWindow(undefined, [SCREEN], DEFAULTS)).toEqual(DEFAULTS);
  });

  it('opens where it was left when that is on a display', () => {
    expect(placeWindow({ x: 200, y: 100, width: 1000, height: 700 }, [SCREEN], DEFAULTS)).toEqual({ x: 200, y: 100, width: 1000, height: 700 });
  });

  it('moves a window half off the screen back onto it, and shrinks one larger than the display', () => {
    expect(placeWindow({ x: 1500, y: 900, width: 1000, height: 700 }, [SCREEN], DEFAULTS)).toEqual({ x: 920, y: 340, width: 1000, height: 700 });
    expect(placeWindow({ x: -50, y: -20, width: 4000, height: 3000 }, [SCREEN], DEFAULTS)).toEqual({ x: 0, y: 0, width: 1920, height: 1040 });
  });

  it('finds the second display it was left on, and leaves a window on an unplugged display to the system', () => {
    const second = { x: 1920, y: 0, width: 1280, height: 1000 };
    expect(placeWindow({ x: 2000, y: 50, width: 900, height: 600 }, [SCREEN, second], DEFAULTS)).toEqual({ x: 2000, y: 50, width: 900, height: 600 });
    expect(placeWindow({ x: 2000, y: 50, width: 900, height: 600 }, [SCREEN], DEFAULTS)).toEqual({ width: 900, height: 600 });
    // A sliver on screen (less than a title bar) counts as off it.
    expect(placeWindow({ x: 1880, y: 50, width: 900, height: 600 }, [SCREEN], DEFAULTS)).toEqual({ width: 900, height: 600 });
  });
});
