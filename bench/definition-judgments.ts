import type { DictionaryEntry } from './debian-texts';

/** Query lengths of the dictionary judgment sets: the whole definition, or its first words. */
export const DEFINITION_LENGTHS = ['whole', 'first five', 'first three'] as const;
export type DefinitionLength = (typeof DEFINITION_LENGTHS)[number];

/** One judgment: the query's words (lower case) and the one right answer, the entry's index. */
export type DefinitionJudgment = { entry: number; words: string[] };

/** Fewest words a definition needs: more than five, so that its first five are not all of it. */
const MIN_WORDS = 6;
/** Most words of a whole-definition query (a sentence-long query, not a paragraph). */
const MAX_WORDS = 30;

/**
 * The first definition of a GCIDE entry as plain words, or undefined when it has none worth a
 * query (a bare cross-reference, "See {shod}."). Dropped: the header line (headword,
 * pronunciation `\…\`, part of speech), bracketed etymologies and sources (`[1913 Webster]`),
 * labels in parentheses (`(Zool.)`), the sense number, and the headword's own words, which a
 * user describing a thing does not know to type.
 */
export function firstDefinition(entry: DictionaryEntry): string[] | undefined {
  let text = entry.text;
  // Brackets nest rarely; twice removes the nested ones too.
  for (let i = 0; i < 2; i++) text = text.replace(/\[[^[\]]*\]/g, ' ');
  text = text.replace(/\\[^\\]*\\/g, ' ');
  const lines = text.split('\n');
  // The header is the first line (what is left of it); the definition starts on the next.
  let body = lines.slice(1).join('\n');
  const numbered = /(?:^|\s)1\.\s/.exec(body);
  if (numbered) body = body.slice(numbered.index + numbered[0].length);
  // The first sense ends at a blank line (quotations, further senses, "Syn:" follow) or the next number.
  body = body.split(/\n\s*\n/)[0]!.split(/\s2\.\s/)[0]!;
  body = body.replace(/\([^()]*\)/g, ' ').replace(/\{([^{}]*)\}/g, '$1');
  if (/^\s*(?:see|same as)\b/i.test(body)) return undefined;
  const headwords = new Set((entry.headword.match(/[A-Za-z]+/g) ?? []).map((w) => w.toLowerCase()));
  const words = (body.match(/[A-Za-z]+/g) ?? []).map((w) => w.toLowerCase()).filter((w) => !headwords.has(w));
  return words.length >= MIN_WORDS ? words.slice(0, MAX_WORDS) : undefined;
}

/**
 * A sample of `count` entries (deterministic, from `random`) whose first definition is a
 * query with one right answer: entries whose definition words are the same as another
 * entry's are left out, and so are entries `usable` refuses (not in the corpus).
 */
export function definitionJudgments(
  entries: readonly DictionaryEntry[],
  count: number,
  random: () => number,
  usable: (entry: number) => boolean = () => true,
): DefinitionJudgment[] {
  const definitions = entries.map(firstDefinition);
  const uses = new Map<string, number>();
  for (const words of definitions) if (words) uses.set(words.join(' '), (uses.get(words.join(' ')) ?? 0) + 1);
  const eligible: number[] = [];
  definitions.forEach((words, i) => {
    if (words && uses.get(words.join(' ')) === 1 && usable(i)) eligible.push(i);
  });
  const picked = new Set<number>();
  const out: DefinitionJudgment[] = [];
  while (out.length < Math.min(count, eligible.length)) {
    const entry = eligible[Math.floor(random() * eligible.length)]!;
    if (picked.has(entry)) continue;
    picked.add(entry);
    out.push({ entry, words: definitions[entry]! });
  }
  return out;
}

/** The words a judgment's query uses for one length. */
export function definitionWords(judgment: DefinitionJudgment, length: DefinitionLength): string[] {
  if (length === 'first five') return judgment.words.slice(0, 5);
  if (length === 'first three') return judgment.words.slice(0, 3);
  return judgment.words;
}
