import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import type { AppCommand } from '../../../electron/common/ipc/app-commands';
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
    ]);
    for (const item of entries) (item.click as () => void)();
    expect(sent).toEqual(['open-corpus', 'build-corpus', 'show-corpora']);
  });

  it('has nothing that opens a link or a remote page', () => {
    for (const isMac of [false, true]) {
      const all = items(appMenuTemplate(isMac, () => {}));
      expect(all.some((item) => item.role === 'help' || /help|learn|website|docs/i.test(String(item.label ?? '')))).toBe(false);
      expect(all.filter((item) => item.click).every((item) => /Corp/.test(String(item.label)))).toBe(true);
    }
  });
});
