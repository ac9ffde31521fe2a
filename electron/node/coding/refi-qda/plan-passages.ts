import { buildSelectors } from '../../../common/anchoring/build-selectors';
import type { RefiImportReport } from '../../../common/coding/refi-import-report';
import type { HighlightColor, TextPositionSelector, TextQuoteSelector } from '../../../common/notes/notes-types';
import type { CorpusStore } from '../../corpus/corpus-store';
import { refiGuid } from './guid';
import { guidKey, type RefiProject, type RefiSource } from './read-refi-project';
import { canonicalKey, canonicalText, sourcePlacer, type CanonicalText } from './source-match';

/** A highlight here, where it is in its document's current text. */
export type PlacedHighlight = { id: string; documentId: string; start: number; end: number; guid?: string };
/** `color`: the highlight colour nearest its first code's colour (code-highlight-color.ts). */
export type NewImportedHighlight = { id: string; documentId: string; sha256: string; quote: TextQuoteSelector; position: TextPositionSelector; color: HighlightColor; note: string; createdAt: string; guid: string };
export type NewImportedCoding = { codeId: string; highlightId: string; createdAt: string };
export type PassagePlan = {
  highlights: NewImportedHighlight[];
  codings: NewImportedCoding[];
  sources: RefiImportReport['sources'];
  passages: RefiImportReport['passages'];
  ignored: string[];
};

const MAX_NOTE = 200_000;
const short = (text: string) => (text.length > 80 ? `${text.slice(0, 79)}…` : text);

/**
 * Finds the document of the open corpus whose text is each source's (compared in the canonical
 * form of source-match.ts: white space folded, nothing else), and plans each of its selections
 * as a highlight with its codes. A selection already here (its GUID, or the same document and
 * place) gets only the codes it lacks, and keeps its colour; a source that matches nothing is
 * listed with why.
 */
export function planPassages(input: {
  project: RefiProject;
  sourceText: (source: RefiSource) => string | { problem: string };
  corpus: CorpusStore;
  existing: readonly PlacedHighlight[];
  existingCodings: ReadonlySet<string>;
  codeIdOf: ReadonlyMap<string, string>;
  /** The highlight colour a passage takes from a code (by Carrel code id). */
  colorOfCode: (codeId: string) => HighlightColor;
  now: string;
  newId: () => string;
}): PassagePlan {
  const plan: PassagePlan = { highlights: [], codings: [], sources: { matched: [], unmatched: [] }, passages: { added: 0, matched: 0, codingsAdded: 0, problems: [] }, ignored: [] };
  const texts = new Map<RefiSource, { text: string; canon: CanonicalText; key: string }>();
  for (const source of input.project.sources) {
    const text = input.sourceText(source);
    if (typeof text !== 'string') {
      plan.sources.unmatched.push({ name: source.name || source.guid, reason: text.problem, selections: source.selections.length });
      continue;
    }
    const canon = canonicalText(text);
    if (!canon.canon) {
      plan.sources.unmatched.push({ name: source.name || source.guid, reason: 'its text is empty', selections: source.selections.length });
      continue;
    }
    texts.set(source, { text, canon, key: canonicalKey(canon.canon) });
  }
  // One pass over the corpus, keeping only the documents some source's text could be.
  const wanted = new Set([...texts.values()].map((t) => t.key));
  const documentsOf = new Map<string, string[]>();
  if (wanted.size) {
    for (const batch of input.corpus.textBatches(undefined)) {
      for (const doc of batch) {
        const key = canonicalKey(canonicalText(doc.text).canon);
        if (wanted.has(key)) documentsOf.set(key, [...(documentsOf.get(key) ?? []), doc.id]);
      }
    }
  }
  const byGuid = new Map<string, PlacedHighlight>();
  const byPlace = new Map<string, PlacedHighlight>();
  const placeKey = (documentId: string, start: number, end: number) => `${documentId}\u0000${start}\u0000${end}`;
  for (const h of input.existing) {
    byGuid.set(guidKey(refiGuid('passage', h.id)), h);
    if (h.guid) byGuid.set(guidKey(h.guid), h);
    byPlace.set(placeKey(h.documentId, h.start, h.end), h);
  }
  const codingsHere = new Set(input.existingCodings);
  let sourceCodings = 0;

  for (const [source, { text, canon, key }] of texts) {
    const name = source.name || source.guid;
    const candidates = documentsOf.get(key) ?? [];
    const doc = candidates.map((id) => input.corpus.getDocument(id)).find((d) => d !== undefined);
    if (!doc) {
      plan.sources.unmatched.push({ name, reason: 'its text is the text of no document of the open corpus', selections: source.selections.length });
      continue;
    }
    plan.sources.matched.push({ name, documentId: doc.id, title: doc.title });
    sourceCodings += source.sourceCodings;
    const placer = sourcePlacer(text, doc.text, canon);
    for (const selection of source.selections) {
      const label = short(selection.name || `${selection.start}–${selection.end}`);
      const problem = (reason: string) => plan.passages.problems.push({ source: short(name), name: label, reason });
      if (selection.problem) {
        problem(selection.problem);
        continue;
      }
      const place = placer.place(selection.start, selection.end);
      if (!place) {
        problem(selection.end > placer.codePoints ? `its positions ${selection.start}–${selection.end} reach past the end of its source (${placer.codePoints} characters)` : 'it selects only white space');
        continue;
      }
      const codes: { codeId: string; createdAt?: string }[] = [];
      for (const coding of selection.codings) {
        const codeId = input.codeIdOf.get(guidKey(coding.codeGuid));
        if (codeId) codes.push({ codeId, createdAt: coding.createdAt });
        else problem(`one of its codings refers to a code (${short(coding.codeGuid) || 'none'}) that is not in the codebook; that coding is left out`);
      }
      let highlight = byGuid.get(guidKey(selection.guid)) ?? byPlace.get(placeKey(doc.id, place.start, place.end));
      if (highlight) plan.passages.matched++;
      else {
        const selectors = buildSelectors(doc.text, place.start, place.end);
        const created: NewImportedHighlight = {
          id: input.newId(),
          documentId: doc.id,
          sha256: doc.sha256,
          ...selectors,
          // A passage takes its (first) code's colour; one whose codes are all unknown stays yellow.
          color: codes[0] ? input.colorOfCode(codes[0].codeId) : 'yellow',
          note: selection.description.slice(0, MAX_NOTE),
          createdAt: selection.createdAt ?? input.now,
          guid: selection.guid,
        };
        plan.highlights.push(created);
        plan.passages.added++;
        highlight = { id: created.id, documentId: doc.id, start: selectors.position.start, end: selectors.position.end, guid: selection.guid };
        byGuid.set(guidKey(selection.guid), highlight);
        byPlace.set(placeKey(doc.id, place.start, place.end), highlight);
      }
      for (const { codeId, createdAt } of codes) {
        const coded = `${codeId}\u0000${highlight.id}`;
        if (codingsHere.has(coded)) continue;
        codingsHere.add(coded);
        plan.codings.push({ codeId, highlightId: highlight.id, createdAt: createdAt ?? selection.createdAt ?? input.now });
        plan.passages.codingsAdded++;
      }
    }
  }
  if (sourceCodings) plan.ignored.push(`${sourceCodings} coding${sourceCodings === 1 ? '' : 's'} of whole sources (Carrel codes passages)`);
  return plan;
}
