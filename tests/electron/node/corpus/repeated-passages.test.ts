import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildCorpus } from '../../../../electron/node/corpus/build-corpus';
import { openCorpus, type CorpusStore } from '../../../../electron/node/corpus/corpus-store';
import { MIN_SIMILARITY, RepeatedPassageFinder } from '../../../../electron/node/corpus/repeated-passages';
import { runSteps } from '../../../../electron/node/steps/run-steps';
import { BUNDLED_SOURCES } from '../../../harness/paths';

let dir: string;
const tmp = () => fs.mkdtempSync(path.join(dir, 'r-'));
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carrel-repeated-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function buildFrom(files: Record<string, string>): string {
  const sources = tmp();
  for (const [name, body] of Object.entries(files)) fs.writeFileSync(path.join(sources, name), body);
  const file = path.join(tmp(), 'corpus.sqlite');
  buildCorpus({ sourcesDir: sources, outFile: file });
  return file;
}

/** Every group as "document ¶n" places, in corpus order. */
function groupsOf(store: CorpusStore): string[][] {
  return store.repeatedGroups(1, 0, 1000).groups.map((g) => g.places.map((p) => `${p.documentId} ¶${p.paragraph}`)).sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
}

const DAILY_MAIL = '000-isis-abandoned-caliphate';
const LAWS = '001-caliphate-under-the-laws-of-the-internet';

describe('repeated passages of the bundled corpus', () => {
  let store: CorpusStore;
  beforeAll(() => {
    const sources = tmp();
    for (const name of fs.readdirSync(BUNDLED_SOURCES)) fs.copyFileSync(path.join(BUNDLED_SOURCES, name), path.join(sources, name));
    const file = path.join(tmp(), 'bundled.sqlite');
    buildCorpus({ sourcesDir: sources, outFile: file });
    store = openCorpus(file);
  });
  afterAll(() => store.close());

  it('finds the repeated photo captions, the repeated book references and the quotation printed three times, and nothing else', () => {
    expect(groupsOf(store)).toEqual([
      [`${DAILY_MAIL} ¶18`, `${DAILY_MAIL} ¶19`, `${DAILY_MAIL} ¶21`],
      [`${DAILY_MAIL} ¶7`, `${DAILY_MAIL} ¶8`],
      [`${DAILY_MAIL} ¶9`, `${DAILY_MAIL} ¶10`, `${DAILY_MAIL} ¶13`],
      [`${LAWS} ¶12`, `${LAWS} ¶14`],
      [`${LAWS} ¶19`, `${LAWS} ¶21`],
      [`${LAWS} ¶30`, `${LAWS} ¶34`, `${LAWS} ¶40`],
    ]);
    const doc = store.getDocument(DAILY_MAIL)!;
    const text = (n: number) => doc.text.slice(doc.paragraphs[n - 1]!.start, doc.paragraphs[n - 1]!.end);
    // The caption under two pictures, word for word.
    expect(text(7)).toMatch(/^ISIS fighter with an American accent delivers a propaganda message/);
    expect(text(8)).toBe(text(7));
    // The same caption shortened under a third picture: a near copy.
    expect(text(13)).not.toBe(text(9));
    expect(text(13).startsWith('The once-professional and lengthy films')).toBe(true);
  });

  it('marks each repeated paragraph with how many other places it stands in', () => {
    const repeats = store.documentRepeats(DAILY_MAIL)!;
    expect(repeats.paragraphs.map((p) => [p.paragraph, p.others])).toEqual([
      [7, 1],
      [8, 1],
      [9, 2],
      [10, 2],
      [13, 2],
      [18, 2],
      [19, 2],
      [21, 2],
    ]);
    // Paragraphs of one group share it.
    const group = (n: number) => repeats.paragraphs.find((p) => p.paragraph === n)!.group;
    expect(group(8)).toBe(group(7));
    expect(group(13)).toBe(group(9));
    expect(group(21)).toBe(group(18));
    expect(group(13)).not.toBe(group(7));
    expect(store.documentRepeats('002-isis-admits-it-is-losing')!.paragraphs).toEqual([]);
    expect(store.documentRepeats('no-such-document')).toBeUndefined();
  });

  it('says of a repeated paragraph where else it stands and how alike, measured between the two, most alike first', () => {
    const p13 = store.paragraphElsewhere(DAILY_MAIL, 13)!;
    expect(p13.elsewhere.map((e) => [e.documentId, e.paragraph, e.similarity])).toEqual([
      [DAILY_MAIL, 9, 0.833],
      [DAILY_MAIL, 10, 0.833],
    ]);
    expect(p13.more).toBe(0);
    // "The Turkic Caliphate" printed three times; the second copy has words of its own.
    const p30 = store.paragraphElsewhere(LAWS, 30)!;
    expect(p30.elsewhere.map((e) => e.paragraph)).toEqual([40, 34]);
    expect(p30.elsewhere[0]!.similarity).toBe(1);
    expect(p30.elsewhere[1]!.similarity).toBeGreaterThan(MIN_SIMILARITY);
    expect(p30.elsewhere[1]!.similarity).toBeLessThan(0.8);
    // Each place is the span of its paragraph in its document.
    const laws = store.getDocument(LAWS)!;
    expect(p30.elsewhere[0]).toMatchObject({ title: laws.title, start: laws.paragraphs[39]!.start, end: laws.paragraphs[39]!.end });
    // The mark counts the places the list shows.
    expect(store.documentRepeats(LAWS)!.paragraphs.find((p) => p.paragraph === 30)!.others).toBe(p30.elsewhere.length + p30.more);
    // A paragraph that stands nowhere else has no places; a document not in the corpus, no answer.
    expect(store.paragraphElsewhere(LAWS, 1)).toEqual({ documentId: LAWS, paragraph: 1, elsewhere: [], more: 0 });
    expect(store.paragraphElsewhere('no-such-document', 1)).toBeUndefined();
  });

  it('leaves out two different books cited in the same words ("From the book History of …") and one-word credits ("• Reuters")', () => {
    const groups = groupsOf(store);
    const laws = store.getDocument(LAWS)!;
    const text = (n: number) => laws.text.slice(laws.paragraphs[n - 1]!.start, laws.paragraphs[n - 1]!.end);
    expect(text(19)).toMatch(/^From the book History of the East/);
    expect(text(23)).toMatch(/^From the book History of the Religions of the East/);
    expect(text(44)).toBe('• Reuters');
    expect(groups.flat()).not.toContain(`${LAWS} ¶23`);
    expect(groups.flat()).not.toContain(`${LAWS} ¶44`);
  });

  it('lists only passages of the words asked for', () => {
    expect(store.repeatedGroups(8, 0, 100).total).toBe(6);
    expect(store.repeatedGroups(30, 0, 100).groups.map((g) => g.size)).toEqual([3, 3]);
    expect(store.repeatedGroups(60, 0, 100).total).toBe(0);
  });
});

// Unrelated texts on different subjects, some sharing stock phrases.
const UNRELATED = [
  'The harbour authority reopened the northern pier on Tuesday after three months of repairs to the sea wall, and the first ferry from the islands docked shortly before noon with about two hundred passengers and a cargo of fresh fish for the market.',
  'According to the report published on Monday by the ministry, wheat harvests in the eastern provinces fell by a fifth this year because of the late frost, while the price of flour in the capital rose for the fourth month in a row.',
  'The orchestra will perform the complete symphonies of the composer over six evenings in the spring, with a new young conductor and a choir of sixty singers from the city schools, and tickets go on sale at the box office next week.',
  'According to the report published on Monday by the ministry, the number of students enrolled in engineering courses has doubled since the new scholarships began, and most of them come from towns that had no university at all.',
  'Heavy rain flooded the lower streets of the old town overnight, cutting power to several hundred homes; volunteers filled sandbags until dawn and the river is expected to crest on Thursday afternoon near the stone bridge.',
  'A small museum in the mountains has put on show a collection of hand-drawn maps made by travelling merchants in the eighteenth century, including the oldest known drawing of the caravan road across the pass.',
];
// UNRELATED[0] with three words changed, far apart: a news copy edited by another desk.
const NEAR_COPY =
  'The port authority reopened the northern pier on Tuesday after three months of repairs to the sea wall, and the first ferry from the islands arrived shortly before noon with about two hundred passengers and a cargo of fresh fish for the traders.';
const CAPTION = 'Volunteers fill sandbags by the river in the early morning';

describe('repeated passages among unrelated documents', () => {
  it('finds the near copy and the repeated caption and pairs nothing else, not even texts sharing a stock phrase or one title', () => {
    const title = 'Weekly news from the coast and the hills, second edition';
    const file = buildFrom({
      'a.txt': `${title}\n\n${UNRELATED[0]}\n\n${UNRELATED[1]}\n`,
      'b.txt': `${title}\n\n${UNRELATED[2]}\n\n${NEAR_COPY}\n\n${UNRELATED[3]}\n`,
      'c.txt': `Flood in the old town\n\n${UNRELATED[4]}\n\n${CAPTION}\n\nPhoto: Reuters\n`,
      'd.txt': `Maps of the caravan road\n\n${UNRELATED[5]}\n\n${CAPTION}\n\nPhoto: Reuters\n`,
    });
    const store = openCorpus(file);
    try {
      // The title line each document starts with is folded away (the title again): never a repeated passage.
      expect(store.getDocument('a')!.paragraphs[0]!.fold).toBe('title');
      expect(groupsOf(store)).toEqual([
        ['a ¶2', 'b ¶3'],
        ['c ¶3', 'd ¶3'],
      ]);
      const near = store.repeatedGroups(8, 0, 10).groups.find((g) => g.places[0]!.documentId === 'a')!;
      expect(near.similarity).toBeGreaterThan(MIN_SIMILARITY);
      expect(near.similarity).toBeLessThan(1);
      expect(store.documentRepeats('b')!.paragraphs).toEqual([expect.objectContaining({ paragraph: 3, others: 1 })]);
      expect(store.paragraphElsewhere('b', 3)).toEqual(
        expect.objectContaining({ paragraph: 3, elsewhere: [expect.objectContaining({ documentId: 'a', paragraph: 2, similarity: near.similarity })], more: 0 }),
      );
    } finally {
      store.close();
    }
  });

  it('finds no pair among many unrelated passages drawn from one vocabulary, and finds their copies with a few words changed', () => {
    // A fixed pseudo-random sequence: the same passages on every run.
    let seed = 12345;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const vocabulary = Array.from({ length: 800 }, (_, i) => `w${i.toString(36)}`);
    const passages = Array.from({ length: 400 }, () => Array.from({ length: 30 + Math.floor(next() * 40) }, () => vocabulary[Math.floor(next() * vocabulary.length)]!));
    const finder = new RepeatedPassageFinder();
    passages.forEach((words, i) => finder.add(i, 0, words.join(' ')));
    expect(runSteps(finder.groupSteps())).toEqual([]);

    // Copies of the first 40 with three words changed (in the middle of the passage, apart) find their originals.
    const copies = new RepeatedPassageFinder();
    passages.forEach((words, i) => copies.add(i, 0, words.join(' ')));
    passages.slice(0, 40).forEach((words, i) => {
      const changed = [...words];
      for (const at of [0.25, 0.5, 0.75]) changed[Math.floor(at * words.length)] = 'changed';
      copies.add(1000 + i, 0, changed.join(' '));
    });
    const groups = runSteps(copies.groupSteps());
    expect(groups.map((g) => g.map((m) => m.doc))).toEqual(Array.from({ length: 40 }, (_, i) => [i, 1000 + i]));
  });
});

describe('a build with repeated passages', () => {
  it('is deterministic: the same folder gives the same bytes', () => {
    const sources = tmp();
    for (const name of fs.readdirSync(BUNDLED_SOURCES)) fs.copyFileSync(path.join(BUNDLED_SOURCES, name), path.join(sources, name));
    const out = tmp();
    // The build's date (meta created_at) is the one thing that differs between two builds.
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('2026-12-03T09:00:00Z'));
      buildCorpus({ sourcesDir: sources, outFile: path.join(out, 'a.sqlite') });
      buildCorpus({ sourcesDir: sources, outFile: path.join(out, 'b.sqlite') });
    } finally {
      vi.useRealTimers();
    }
    const a = fs.readFileSync(path.join(out, 'a.sqlite'));
    expect(a.equals(fs.readFileSync(path.join(out, 'b.sqlite')))).toBe(true);
    const store = openCorpus(path.join(out, 'a.sqlite'));
    try {
      expect(store.repeatedGroups(8, 0, 100).total).toBe(6);
    } finally {
      store.close();
    }
  });
});
