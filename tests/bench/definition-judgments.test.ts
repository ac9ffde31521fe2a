import { describe, expect, it } from 'vitest';
import { prng } from '../../bench/bench-queries';
import type { DictionaryEntry } from '../../bench/debian-texts';
import { definitionJudgments, definitionWords, firstDefinition } from '../../bench/definition-judgments';

// Entries written the way GCIDE's dictd text is (header, pronunciation, etymology, senses, sources).
const lantern: DictionaryEntry = {
  headword: 'Lantern',
  text: 'Lantern \\Lan"tern\\, n. [F. lanterne, fr. L. lanterna.]\n   1. (Naut.) Something inclosing a light, and protecting it\n      from wind, rain, etc.; -- sometimes called a {lanthorn}.\n      [1913 Webster]\n\n   2. (Arch.) An open structure of light material.\n      [1913 Webster]',
};
const kettle: DictionaryEntry = {
  headword: 'Kettle',
  text: 'Kettle \\Ket"tle\\, n. [AS. cetel.]\n   A metallic vessel, usually with a cover, used for heating\n   and boiling water or other liquids.\n   [1913 Webster]',
};
const seeAlso: DictionaryEntry = { headword: 'Lanthorn', text: 'Lanthorn \\Lant"horn\\, n.\n   See {Lantern}.\n   [1913 Webster]' };
const twin: DictionaryEntry = { headword: 'Kettel', text: kettle.text.replace('Kettle \\Ket"tle\\', 'Kettel \\Ket"tel\\') };

describe('bench: dictionary judgment sets', () => {
  it("takes an entry's first definition from its text, without header, etymology, labels or the headword", () => {
    expect(firstDefinition(lantern)).toEqual(['something', 'inclosing', 'a', 'light', 'and', 'protecting', 'it', 'from', 'wind', 'rain', 'etc', 'sometimes', 'called', 'a', 'lanthorn']);
    expect(firstDefinition(kettle)).toEqual(['a', 'metallic', 'vessel', 'usually', 'with', 'a', 'cover', 'used', 'for', 'heating', 'and', 'boiling', 'water', 'or', 'other', 'liquids']);
    expect(firstDefinition(seeAlso)).toBeUndefined();
  });

  it('follows the text: another definition gives another query', () => {
    const changed = { ...kettle, text: kettle.text.replace('metallic vessel', 'copper pot') };
    expect(firstDefinition(changed)!.slice(0, 4)).toEqual(['a', 'copper', 'pot', 'usually']);
  });

  it('samples entries with one right answer, and cuts the first five and three words', () => {
    const entries = [lantern, kettle, seeAlso, twin];
    // Kettle and Kettel share their definition: neither is a query with one answer.
    const judgments = definitionJudgments(entries, 10, prng(1));
    expect(judgments.map((j) => j.entry)).toEqual([0]);
    expect(definitionWords(judgments[0]!, 'first five')).toEqual(['something', 'inclosing', 'a', 'light', 'and']);
    expect(definitionWords(judgments[0]!, 'first three')).toEqual(['something', 'inclosing', 'a']);
    expect(definitionWords(judgments[0]!, 'whole')).toEqual(firstDefinition(lantern));
    // Every word of a query is in its entry's text.
    for (const word of judgments[0]!.words) expect(lantern.text.toLowerCase()).toContain(word);
    expect(definitionJudgments(entries, 10, prng(1), (i) => i !== 0)).toEqual([]);
  });
});
