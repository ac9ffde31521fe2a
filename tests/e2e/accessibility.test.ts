import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { BUNDLED_CORPUS, ROOT } from '../harness/paths';
import { launchHarness, openApp, sendCommand, type Harness } from '../harness/renderer-harness';

const SHOTS = path.join(ROOT, 'test-results');
const DOC = /ISIS Admits It Is Losing/;
const THEMES = ['light', 'dark', 'sepia'] as const;
/** The themes the scan runs in (sepia is a light theme with other tokens; its contrast is checked with the tokens). */
const SCANNED = new Set<string>(['light', 'dark']);

/**
 * Items another change fixes (issue 18, the layout and focus work): listed so that this scan
 * reports them by name instead of failing on them twice; anything else fails. Empty when fixed.
 */
const KNOWN: Readonly<Record<string, RegExp>> = {
  // The search results' scrolling panel cannot take focus (issue 18: m-layout-a11y makes it focusable).
  'scrollable-region-focusable': /^\.search-panel$/m,
};

/** Selects `text` in the reader (inside one paragraph) as a user would. */
async function selectText(page: Page, text: string) {
  const found = await page.evaluate((text) => {
    for (const p of document.querySelectorAll('.document-body p')) {
      const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.nodeValue?.indexOf(text) ?? -1;
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + text.length);
        p.scrollIntoView({ block: 'center' });
        document.getSelection()!.removeAllRanges();
        document.getSelection()!.addRange(range);
        return range.toString();
      }
    }
    return null;
  }, text);
  expect(found).toBe(text);
  await page.locator('.selection-toolbar').waitFor();
}

type Finding = { view: string; theme: string; id: string; impact: string; targets: string[]; summary: string };

describe('screen readers: landmarks, headings, labels and an axe scan of every view in each theme', () => {
  let harness: Harness;
  let page: Page;
  let dir: string;
  const findings: Finding[] = [];
  const known: Finding[] = [];

  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carrel-a11y-'));
    harness = await launchHarness({ corpusFile: BUNDLED_CORPUS, settingsFile: path.join(dir, 'carrel-settings.json') });
    page = harness.page;
    await openApp(harness);
    await page.locator('.document-row').first().waitFor();
    // Highlights in every colour, one with a note, for the reader and the notebook.
    await page.getByRole('button', { name: DOC }).click();
    await page.locator('.document-body p').nth(3).waitFor();
    const phrases = ['the Islamic State has been losing', 'Iraq and Syria', 'propaganda', 'fighters', 'territory', 'caliphate'];
    for (const [i, phrase] of phrases.entries()) {
      const text = await page.locator('.document-body p').allTextContents();
      const hit = text.join('\n').match(new RegExp(phrase, 'i'))?.[0];
      if (!hit) continue;
      // Each highlight is waited for before the next selection: focus moves to a new highlight's
      // editor, which would take a selection made before it away.
      const before = await page.locator('.document-body mark.highlight').count();
      await selectText(page, hit);
      await page.keyboard.press(String(i + 1));
      await vi.waitFor(async () => expect(await page.locator('.document-body mark.highlight').count()).toBeGreaterThan(before));
    }
    const field = page.locator('.highlight-editor textarea');
    await field.click();
    await field.pressSequentially('A claim to check.', { delay: 5 });
    await vi.waitFor(async () => expect(await page.locator('.highlight-editor .save-status').textContent()).toBe('Saved'), { timeout: 10_000 });
    // A codebook in every code colour (and none), nested, applied to the highlights: the coding views and the reader's margin.
    const { services } = harness;
    const highlights = services.queryNotebook({}).groups.flatMap((g) => g.entries.flatMap((e) => (e.kind === 'highlight' ? [e.highlight.id] : [])));
    const colours = ['#C0392B', '#D35400', '#B7950B', '#27AE60', '#16A085', '#2980B9', '#8E44AD', '#7F8C8D', ''];
    const top = services.createCode({ name: 'Claims', color: colours[0] });
    for (const [i, color] of colours.slice(1).entries()) {
      const code = services.createCode({ name: `Code ${i + 1}`, color, parentId: i < 3 ? top.id : undefined, description: 'What it means.' });
      services.applyCode({ codeId: code.id, highlightId: highlights[i % highlights.length]! });
      services.applyCode({ codeId: top.id, highlightId: highlights[i % highlights.length]! });
    }
  }, 120_000);

  afterAll(async () => {
    await harness?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const VIEWS: { name: string; show: () => Promise<void> }[] = [
    {
      name: 'library',
      show: async () => {
        await page.getByRole('button', { name: 'Library', exact: true }).click();
        await page.locator('.document-row').first().waitFor();
      },
    },
    {
      name: 'reader',
      show: async () => {
        await page.getByRole('button', { name: 'Library', exact: true }).click();
        await page.getByRole('button', { name: DOC }).click();
        await page.locator('.document-body mark.highlight').first().waitFor();
      },
    },
    {
      name: 'search',
      show: async () => {
        await page.getByRole('button', { name: 'Library', exact: true }).click();
        await page.keyboard.press('Control+k');
        await page.getByRole('combobox', { name: 'Search the corpus' }).fill('propaganda online');
        await page.getByRole('listbox', { name: 'Search results' }).getByRole('option').first().waitFor();
        await expect.poll(() => page.locator('.search-status').textContent()).toMatch(/results?/);
      },
    },
    {
      name: 'search-filters',
      show: async () => {
        await page.getByRole('button', { name: 'Library', exact: true }).click();
        await page.keyboard.press('Control+k');
        await page.getByRole('combobox', { name: 'Search the corpus' }).fill('propaganda');
        await page.getByRole('listbox', { name: 'Search results' }).getByRole('option').first().waitFor();
        const filters = page.locator('.search-panel').getByRole('button', { name: /^Filters/ });
        if ((await filters.getAttribute('aria-expanded')) === 'false') await filters.click();
        await page.locator('.search-panel').getByLabel('Document').waitFor();
      },
    },
    {
      name: 'reader-with-results',
      show: async () => {
        await page.getByRole('button', { name: 'Library', exact: true }).click();
        await page.keyboard.press('Control+k');
        await page.getByRole('combobox', { name: 'Search the corpus' }).fill('media');
        await page.getByRole('listbox', { name: 'Search results' }).getByRole('option').first().locator('.search-result-title').waitFor();
        await page.keyboard.press('Enter');
        await page.getByRole('navigation', { name: 'Search results' }).locator('[aria-current="true"]').waitFor();
        // A document with folded site navigation, opened from the results beside it.
        await page.getByRole('navigation', { name: 'Search results' }).getByRole('button', { name: /As ISIS Loses Territory/ }).click();
        await page.locator('.folded-toggle').first().waitFor();
      },
    },
    {
      name: 'notebook',
      show: async () => {
        await page.getByRole('button', { name: 'Notebook' }).click();
        await page.locator('.notebook-entry').first().waitFor();
      },
    },
    {
      name: 'citation',
      show: async () => {
        await page.getByRole('button', { name: 'Library', exact: true }).click();
        await page.getByRole('button', { name: DOC }).click();
        await page.locator('.document-body mark.highlight').first().click();
        await page.locator('.highlight-editor').getByRole('button', { name: 'Cite…' }).click();
        await page.locator('.citation-quote').waitFor();
      },
    },
    {
      name: 'details-dialog',
      show: async () => {
        await page.getByRole('button', { name: 'Library', exact: true }).click();
        await page.getByRole('button', { name: DOC }).click();
        await page.locator('.citation-panel').getByRole('button', { name: 'Edit details…' }).click();
        await page.getByRole('dialog', { name: 'Edit details' }).getByLabel('Title').waitFor();
      },
    },
    {
      name: 'corpora',
      show: async () => {
        await page.getByRole('button', { name: 'Corpora' }).click();
        await page.locator('#corpora-title').waitFor();
      },
    },
    {
      name: 'security',
      show: async () => {
        await page.getByRole('button', { name: 'Security' }).click();
        await page.locator('[data-fact="blocked"]').waitFor();
      },
    },
    {
      name: 'settings',
      show: async () => {
        await page.getByRole('button', { name: 'Settings' }).click();
        await page.getByRole('heading', { level: 1, name: 'Reading settings' }).waitFor();
      },
    },
    {
      name: 'analysis',
      show: async () => {
        await page.getByRole('button', { name: 'Analysis' }).click();
        await page.getByLabel('Word, phrase or query').fill('propaganda');
        await page.getByRole('button', { name: 'Analyse' }).click();
        await page.locator('.kwic-line .kwic-open').first().waitFor();
      },
    },
    {
      name: 'collocates',
      show: async () => {
        await page.getByRole('button', { name: 'Analysis' }).click();
        await page.getByLabel('Word, phrase or query').fill('propaganda');
        await page.getByRole('button', { name: 'Analyse' }).click();
        await page.getByRole('tab', { name: 'Collocates' }).click();
        await page.locator('.collocates-table tbody tr').first().waitFor();
      },
    },
    {
      name: 'word-list',
      show: async () => {
        await page.getByRole('button', { name: 'Analysis' }).click();
        await page.getByRole('tab', { name: 'Word list' }).click();
        await page.locator('.word-line .word-open').first().waitFor();
      },
    },
    {
      name: 'distribution',
      show: async () => {
        await page.getByRole('button', { name: 'Analysis' }).click();
        await page.getByLabel('Word, phrase or query').fill('propaganda');
        await page.getByRole('button', { name: 'Analyse' }).click();
        await page.getByRole('tab', { name: 'Distribution' }).click();
        await page.locator('.chart-bar').first().waitFor();
        await page.locator('.distribution-table tbody tr').first().waitFor();
      },
    },
    {
      name: 'repeated-passages',
      show: async () => {
        await page.getByRole('button', { name: 'Analysis' }).click();
        await page.getByRole('tab', { name: 'Repeated passages' }).click();
        await page.locator('.repeated-group .repeated-place').first().waitFor();
      },
    },
    {
      name: 'also-in',
      show: async () => {
        await page.getByRole('button', { name: 'Library', exact: true }).click();
        await page.getByRole('button', { name: /ISIS has virtually abandoned/ }).click();
        await page.locator('.repeat-mark[data-paragraph="13"]').click();
        await page.getByRole('group', { name: 'Also in' }).getByRole('button').first().waitFor();
      },
    },
    {
      name: 'entities',
      show: async () => {
        await page.getByRole('button', { name: 'Analysis', exact: true }).click();
        await page.getByRole('tab', { name: 'Entities' }).click();
        await page.locator('.entity-table tbody tr').first().waitFor();
      },
    },
    {
      name: 'entity-page',
      show: async () => {
        await page.getByRole('button', { name: 'Analysis', exact: true }).click();
        await page.getByRole('tab', { name: 'Entities' }).click();
        await page.locator('.entity-table').getByRole('button', { name: 'Charlie Winter' }).click();
        await page.locator('.entity-mention').first().waitFor();
        await page.locator('.entity-cooccurring li').first().waitFor();
      },
    },
    {
      name: 'codebook',
      show: async () => {
        await sendCommand(harness, 'go-codebook');
        await page.getByRole('treeitem', { name: /^Claims/ }).click();
        await page.getByRole('heading', { level: 2, name: 'Claims' }).waitFor();
      },
    },
    {
      name: 'coded-passages',
      show: async () => {
        await sendCommand(harness, 'go-codebook');
        await page.getByRole('treeitem', { name: /^Claims/ }).click();
        await page.getByRole('button', { name: /^Coded passages/ }).click();
        await page.getByRole('list', { name: 'Coded passages' }).locator('.passage').first().waitFor();
      },
    },
    {
      name: 'matrix',
      show: async () => {
        await sendCommand(harness, 'go-codebook');
        await page.getByRole('button', { name: 'Code × document matrix' }).click();
        await page.locator('.matrix-table button.heat-cell').first().waitFor();
      },
    },
    {
      name: 'code-palette',
      show: async () => {
        await page.getByRole('button', { name: 'Library', exact: true }).click();
        await page.getByRole('button', { name: DOC }).click();
        await page.locator('.margin-marks .margin-mark').first().waitFor();
        await page.locator('.highlight-item').first().click();
        await page.locator('.highlight-editor').focus();
        await page.keyboard.press('c');
        await page.getByRole('dialog', { name: /^Codes for the highlight/ }).getByRole('option').first().waitFor();
      },
    },
    {
      name: 'commands',
      show: async () => {
        await page.getByRole('button', { name: 'Library', exact: true }).click();
        await page.keyboard.press('Control+Shift+P');
        await page.getByRole('dialog', { name: 'Commands' }).waitFor();
      },
    },
    {
      name: 'guide',
      show: async () => {
        await sendCommand(harness, 'show-guide');
        await page.getByRole('heading', { level: 1, name: 'User guide' }).waitFor();
      },
    },
    {
      name: 'shortcuts',
      show: async () => {
        await page.getByRole('button', { name: 'Library', exact: true }).click();
        await page.locator('.document-open').first().focus();
        await page.keyboard.press('F1');
        await page.getByRole('dialog').waitFor();
      },
    },
  ];

  for (const theme of THEMES) {
    for (const view of VIEWS) {
      it(`${view.name} in the ${theme} theme: ${SCANNED.has(theme) ? 'no serious or critical axe violation, ' : ''}one h1, landmarks`, async () => {
        await sendCommand(harness, `theme-${theme}`);
        await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
        await page.keyboard.press('Escape');
        await view.show();
        // Fonts and transitions settle before colours are measured.
        await page.evaluate(() => document.fonts.ready.then(() => undefined));
        await page.screenshot({ path: path.join(SHOTS, `view-${view.name}-${theme}.png`) });

        expect(await page.locator('h1').count(), 'one h1 per view').toBe(1);
        expect(await page.locator('main h1').count(), 'the h1 is the view’s own title').toBe(1);
        expect(await page.getByRole('banner').count()).toBe(1);
        expect(await page.getByRole('main').count()).toBe(1);
        expect(await page.getByRole('navigation', { name: 'Views' }).count()).toBe(1);
        if (!SCANNED.has(theme)) return;

        const results = await new AxeBuilder({ page: page as never }).setLegacyMode().withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
        for (const v of results.violations) {
          if (v.impact !== 'serious' && v.impact !== 'critical') continue;
          const finding = { view: view.name, theme, id: v.id, impact: v.impact, targets: v.nodes.map((n) => n.target.join(' ')), summary: v.nodes[0]?.failureSummary ?? v.help };
          if (KNOWN[v.id]?.test(finding.targets.join('\n'))) known.push(finding);
          else findings.push(finding);
        }
        expect(findings.filter((f) => f.view === view.name && f.theme === theme)).toEqual([]);
      }, 60_000);
    }
  }

  it('announces search results and a note saved through live regions', async () => {
    await sendCommand(harness, 'theme-light');
    await VIEWS.find((v) => v.name === 'search')!.show();
    const status = page.locator('.search-status');
    expect(await status.getAttribute('role')).toBe('status');
    expect(await status.textContent()).toMatch(/^\d+ results? · /);
    await page.keyboard.press('Escape');
    await VIEWS.find((v) => v.name === 'reader')!.show();
    await page.locator('.document-body mark.highlight-yellow').first().click();
    const field = page.locator('.highlight-editor textarea');
    await field.click();
    await field.press('End');
    await field.pressSequentially(' Again.', { delay: 5 });
    const saved = page.locator('.highlight-editor .save-status');
    await expect.poll(() => saved.textContent()).toBe('Saved');
    expect(await saved.evaluate((el) => [el.getAttribute('role'), el.getAttribute('aria-live')])).toEqual(['status', 'polite']);
  });

  it('scanned every view in both themes (and left the known items by name)', () => {
    if (known.length > 0) console.log(`Known axe items fixed elsewhere:\n${known.map((k) => `${k.view}/${k.theme} ${k.id}: ${k.targets.join(', ')}`).join('\n')}`);
    expect(findings).toEqual([]);
  });
});
