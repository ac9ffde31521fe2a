import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCorpus } from '../../../../electron/node/corpus/build-corpus';
import { findLatinNames } from '../../../../electron/node/entities/find-names';
import { findDates } from '../../../../electron/node/entities/find-dates';
import { EntityIndexBuilder, MENTION_INTS } from '../../../../electron/node/entities/entity-index';
import { openDatabase } from '../../../../electron/node/sqlite/open-database';

const SOURCES = path.resolve(__dirname, '../../../../resources/corpus/sources');
const PLAIN = { cache: false, lazy: false } as const;

/** Texts that put runs at a window's edge, repeat runs in other contexts, and write a dictionary's lines. */
const EDGES = [
  // Runs longer than the 60-character window (read further) and one cut by a connector at its edge.
  'He met the International Center for the Study of Radicalization of the University of London yesterday.',
  'Reports by Ministry of Defence of the United Kingdom of Great Britain and Northern Ireland of the said.',
  `${'x '.repeat(27)}Charlie Winter of the Center`,
  'AAAA BBBB CCCC DDDD EEEE FFFF GGGG HHHH IIII JJJJ KKKK LLLL MMMM NNNN OOOO PPPP QQQQ, then more.',
  // The same run at a sentence's start, after a title, after "near", after a plain word.
  'Words from spokesman Hemak came. Words from Hemak came. Hemak came. Words from sheikh Hemak came.',
  'Winter came. President Winter spoke. The town near Winter fell. Charlie Winter wrote; then Winter left.',
  'Raqqa fell. Near Raqqa they fought. Mr Raqqa is nobody. The village of Raqqa and the city of Manbij.',
  'SDF-ISF forces and the SDF met ISIS; Abu Bakr al-Baghdadi and al-Baghdadi, Umm Sayyaf.',
  'Ampleness \\Am"ple*ness\\, n. The state of being ample. [1913 Webster] --Milton. Defn: See Webster.',
  'Embower \\Em*bow"er\\, v. t. [Written also {imbower}.] [Poetic] --Spenser. [1913 Webster]',
];

let dir: string;
let paragraphs: string[];

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carrel-finder-'));
  const file = path.join(dir, 'bundled.sqlite');
  buildCorpus({ sourcesDir: SOURCES, outFile: file, entityWorker: false });
  const db = openDatabase(file, { readonly: true });
  const rows = db.prepare('SELECT d.text, p.start, p.end FROM paragraphs p JOIN documents d ON d.ord = p.doc_ord ORDER BY p.doc_ord, p.idx').all() as { text: string; start: number; end: number }[];
  db.close();
  paragraphs = [...rows.map((r) => r.text.slice(r.start, r.end)), ...EDGES];
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the name finder’s shortcuts', () => {
  it('finds with its cache and lazy tokens what it finds without them, cache cold and warm', () => {
    expect(paragraphs.length).toBeGreaterThan(100);
    const plain = paragraphs.map((p) => findLatinNames(p, PLAIN));
    expect(plain.flat().length).toBeGreaterThan(300);
    for (let round = 0; round < 2; round++) {
      paragraphs.forEach((p, k) => expect(findLatinNames(p), p).toEqual(plain[k]));
    }
    // Each shortcut alone as well.
    paragraphs.forEach((p, k) => expect(findLatinNames(p, { cache: false }), p).toEqual(plain[k]));
    paragraphs.forEach((p, k) => expect(findLatinNames(p, { lazy: false }), p).toEqual(plain[k]));
  });

  it('reads a run past its first window when it reaches the window’s end', () => {
    const names = findLatinNames(EDGES[0]!).map((n) => n.surface);
    expect(names).toEqual(['International Center for the Study of Radicalization of the University of London']);
    expect(names[0]!.length).toBeGreaterThan(60);
  });

  it('types a repeated run by its context each time (after a title, "near", at a sentence start)', () => {
    const found = (text: string) => findLatinNames(text).map((n) => `${n.type ?? '-'}:${n.surface}`);
    expect(found(EDGES[4]!)).toEqual(['person:Hemak', '-:Hemak', '-:Hemak', 'person:Hemak']);
    expect(found(EDGES[6]!)).toEqual(findLatinNames(EDGES[6]!, PLAIN).map((n) => `${n.type ?? '-'}:${n.surface}`));
    expect(found(EDGES[6]!).filter((f) => f.endsWith(':Raqqa')).length).toBeGreaterThanOrEqual(3);
  });

  it('dates: a paragraph without digits, or with a year only after a bracket, has none', () => {
    expect(findDates('The state or quality of being ample; largeness.')).toEqual([]);
    expect(findDates('[1913 Webster]')).toEqual([]);
    expect(findDates('It fell in 1913, and (1901-1910) too.').map((d) => d.iso)).toEqual(['1913', '1901', '1910']);
  });
});

describe('the index builder', () => {
  it('names a spelling by the way it is written most often, however many ways', () => {
    const b = new EntityIndexBuilder();
    ['al-Baghdadi spoke.', 'Then Al-Baghdadi left.', 'A word from al-Baghdadi.', 'A word to al-Baghdadi.'].forEach((text, doc) => b.addParagraph(doc, 0, 0, text, { count: 0 }));
    const { entities, mentions } = b.finish();
    const [person] = entities.filter((e) => e.type === 'person');
    expect(person?.name).toBe('al-Baghdadi');
    expect(person?.mentionCount).toBe(4);
    expect(person?.variants[0]!.mentions).toBe(4);
    // Its mentions (document, paragraph, start, end) in the order found, the entries before its own first.
    const before = entities.slice(0, entities.indexOf(person!)).reduce((n, e) => n + e.mentionCount, 0);
    expect([0, 1, 2, 3].map((k) => mentions[(before + k) * MENTION_INTS])).toEqual([0, 1, 2, 3]);
    expect([...mentions.subarray(before * MENTION_INTS + 4, before * MENTION_INTS + 8)]).toEqual([1, 0, 5, 16]);
  });
});
