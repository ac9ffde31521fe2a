// @vitest-environment jsdom
import fs from 'node:fs';
import path from 'node:path';
import { act, createElement as h, Fragment, useState, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { CommandProvider, useCommands } from '../../../../renderer/src/shared/commands/command-provider';
import type { CommandDeclaration } from '../../../../renderer/src/shared/commands/command-types';
import { PALETTE_COMMANDS } from '../../../../renderer/src/shared/commands/palette-commands';
import { ROOT } from '../../../harness/paths';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const DECLARATIONS: CommandDeclaration[] = [
  ...PALETTE_COMMANDS,
  { id: 'search', label: 'Search', scope: 'app', shortcuts: ['CmdOrCtrl+K', '/'] },
  { id: 'back', label: 'Back', scope: 'reader', shortcuts: ['Esc'] },
  { id: 'close-find', label: 'Close find', scope: 'find', shortcuts: ['Esc'], focus: 'outside-controls' },
];

let root: Root | undefined;
let container: HTMLElement;
const ran: string[] = [];
let setFindOpen: (open: boolean) => void = () => {};

function Reader() {
  const [findOpen, setOpen] = useState(true);
  setFindOpen = setOpen;
  useCommands({
    back: { run: () => ran.push('back') },
    'close-find': { when: () => findOpen, run: () => ran.push('close-find') },
  });
  return h(
    'div',
    null,
    h('h2', { tabIndex: -1 }, 'Title'),
    h('input', { 'aria-label': 'field' }),
    h('button', { type: 'button' }, 'button'),
    // A widget that owns Escape, as the link popover and the note editor do.
    h('div', { className: 'widget', tabIndex: 0, onKeyDown: (e: { key: string; preventDefault(): void }) => e.key === 'Escape' && e.preventDefault() }),
    h('div', { role: 'dialog', 'aria-modal': 'true' }, h('button', { type: 'button', className: 'in-modal' }, 'in a modal')),
  );
}

function Search() {
  useCommands({ search: { run: () => ran.push('search') } });
  return null;
}

function mount(children: ReactNode) {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  act(() => root!.render(h(CommandProvider, { declarations: DECLARATIONS, children })));
}

function press(target: Element, key: string, init: KeyboardEventInit = {}) {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init });
  act(() => void target.dispatchEvent(event));
  return event;
}

afterEach(() => {
  act(() => root?.unmount());
  container.remove();
  ran.length = 0;
});

describe('CommandProvider’s keydown listener', () => {
  it('runs the most specific command that applies, marks the key handled, and follows state changes', () => {
    mount(h(Fragment, null, h(Reader), h(Search)));
    const title = container.querySelector('h2')!;
    expect(press(title, 'Escape').defaultPrevented).toBe(true);
    act(() => setFindOpen(false));
    press(title, 'Escape');
    expect(ran).toEqual(['close-find', 'back']);
  });

  it('leaves a key a widget has handled (preventDefault) alone', () => {
    mount(h(Reader));
    press(container.querySelector('.widget')!, 'Escape');
    expect(ran).toEqual([]);
  });

  it('leaves keys inside a modal dialog to the dialog', () => {
    mount(h(Reader));
    expect(press(container.querySelector('.in-modal')!, 'Escape').defaultPrevented).toBe(false);
    expect(ran).toEqual([]);
  });

  it('applies the focus rules to the element the key was pressed in', () => {
    mount(h(Fragment, null, h(Reader), h(Search)));
    const field = container.querySelector('input')!;
    const button = container.querySelector('button')!;
    expect(press(field, '/').defaultPrevented).toBe(false); // the slash is typed
    press(field, 'k', { ctrlKey: true });
    press(button, '/');
    press(button, 'Escape'); // find's Escape is not for controls: back
    expect(ran).toEqual(['search', 'search', 'back']);
  });

  it('forgets a component’s commands when it unmounts', () => {
    mount(h(Search));
    act(() => root!.render(h(CommandProvider, { declarations: DECLARATIONS, children: null })));
    press(document.body, 'k', { ctrlKey: true });
    expect(ran).toEqual([]);
  });
});

describe('the renderer', () => {
  it('listens for keydown on the window or document in one place only: the command provider', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (/\.tsx?$/.test(entry.name) && /(window|document)\.addEventListener\(\s*'keydown'/.test(fs.readFileSync(full, 'utf8'))) files.push(path.relative(ROOT, full));
      }
    };
    walk(path.join(ROOT, 'renderer', 'src'));
    expect(files).toEqual(['renderer/src/shared/commands/command-provider.tsx']);
  });
});
