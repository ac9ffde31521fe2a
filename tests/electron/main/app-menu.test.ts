import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { APP_COMMAND_ITEMS, type AppCommand } from '../../../electron/common/ipc/app-commands';
import { appMenuTemplate } from '../../../electron/main/app-menu';

function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])]);
}

describe('appMenuTemplate', () => {
  it('offers Open Corpus, Build Corpus and Recent Corpora in the File menu, each sending its command to the window', () => {
    const sent: AppCommand[] = [];
    const file = appMenuTemplate(false, (c) => sent.push(c)).find((item) => item.label === '&File')!;
    const entries = (file.submenu as MenuItemConstructorOptions[]).filter((item) => item.click);
    expect(entries.map((item) => [item.label, item.accelerator])).toEqual([
      ['&Open Corpus…', 'CmdOrCtrl+O'],
      ['&Build Corpus from Folder…', 'CmdOrCtrl+Shift+B'],
      ['&Recent Corpora', undefined],
      ['&Save as PDF…', 'CmdOrCtrl+P'],
    ]);
    for (const item of entries) (item.click as () => void)();
    expect(sent).toEqual(['open-corpus', 'build-corpus', 'show-corpora', 'print-document']);
  });

  it('carries text size and themes in the View menu, leaving the text-size keys to the window (no page zoom)', () => {
    const sent: AppCommand[] = [];
    const view = appMenuTemplate(false, (c) => sent.push(c)).find((item) => item.label === '&View')!;
    const entries = items(view.submenu as MenuItemConstructorOptions[]).filter((item) => item.click);
    expect(entries.map((item) => [item.label, item.accelerator, item.registerAccelerator])).toEqual([
      ['&Larger Text', 'CmdOrCtrl+=', false],
      ['&Smaller Text', 'CmdOrCtrl+-', false],
      ['&Default Text Size', 'CmdOrCtrl+0', false],
      ['&System Theme', undefined, undefined],
      ['&Light Theme', undefined, undefined],
      ['&Dark Theme', undefined, undefined],
      ['S&epia Theme', undefined, undefined],
      ['Reading &Settings', undefined, undefined],
    ]);
    for (const item of entries) (item.click as () => void)();
    expect(sent).toEqual(['text-larger', 'text-smaller', 'text-reset', 'theme-system', 'theme-light', 'theme-dark', 'theme-sepia', 'show-settings']);
    expect(items(view.submenu as MenuItemConstructorOptions[]).some((item) => /zoom/i.test(String(item.role ?? '')))).toBe(false);
  });

  it('has the standard menus File, Edit, View, Go and Help, in that order', () => {
    const labels = appMenuTemplate(false, () => {}).map((item) => item.label ?? item.role);
    expect(labels).toEqual(['&File', '&Edit', '&View', '&Go', 'windowMenu', '&Help']);
    expect(appMenuTemplate(true, () => {})[0]).toEqual({ role: 'appMenu' });
  });

  it('carries find and search in Edit, moving about in Go, with the keys the window takes (shown, not registered)', () => {
    const sent: AppCommand[] = [];
    const menu = appMenuTemplate(false, (c) => sent.push(c));
    const entries = (label: string) => (menu.find((item) => item.label === label)!.submenu as MenuItemConstructorOptions[]).filter((item) => item.click);
    expect(entries('&Edit').map((item) => [item.label, item.accelerator, item.registerAccelerator])).toEqual([
      ['&Find in Document', 'CmdOrCtrl+F', false],
      ['&Search the Corpus', 'CmdOrCtrl+K', false],
    ]);
    expect(entries('&Go').map((item) => [item.label, item.accelerator, item.registerAccelerator])).toEqual([
      ['&Library', undefined, undefined],
      ['&Notebook', undefined, undefined],
      ['Co&debook', undefined, false],
      ['Ne&xt Document', 'N', false],
      ['&Previous Document', 'P', false],
      ['Next P&aragraph', 'J', false],
      ['Previous Pa&ragraph', 'K', false],
      ['&Contents', 'Alt+C', false],
    ]);
    for (const item of [...entries('&Edit'), ...entries('&Go')]) (item.click as () => void)();
    expect(sent).toEqual([
      'find-in-document',
      'search-corpus',
      'go-library',
      'go-notebook',
      'go-codebook',
      'next-document',
      'previous-document',
      'next-paragraph',
      'previous-paragraph',
      'show-contents',
    ]);
  });

  it('opens only what is bundled from Help: the shortcut overlay and the user guide', () => {
    const sent: AppCommand[] = [];
    const help = appMenuTemplate(false, (c) => sent.push(c)).find((item) => item.label === '&Help')!;
    const entries = help.submenu as MenuItemConstructorOptions[];
    expect(entries.map((item) => [item.label, item.accelerator])).toEqual([
      ['&Keyboard Shortcuts', '?'],
      ['&User Guide', undefined],
    ]);
    for (const item of entries) (item.click as () => void)();
    expect(sent).toEqual(['show-shortcuts', 'show-guide']);
  });

  it('has nothing that opens a link or a remote page', () => {
    for (const isMac of [false, true]) {
      const all = items(appMenuTemplate(isMac, () => {}));
      expect(all.some((item) => item.role === 'help' || /learn|website|docs|online/i.test(String(item.label ?? '')))).toBe(false);
      const own = new Set(Object.values(APP_COMMAND_ITEMS).map((item) => item.label));
      expect(all.filter((item) => item.click).every((item) => own.has(String(item.label)))).toBe(true);
    }
  });
});
