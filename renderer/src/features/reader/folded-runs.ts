import type { FoldReason, Paragraph } from '@common/corpus/corpus-types';

/** What the reader's body shows, in order: a paragraph, or a run of folded ones behind one button. */
export type BodyPart = { kind: 'paragraph'; index: number } | { kind: 'folded'; indices: number[]; reasons: FoldReason[] };

/**
 * Groups the paragraphs the corpus marks as folded (the title repeated, site navigation, lines
 * a site repeats) into runs. A folded paragraph holding a mark (a highlight, a note, a hit) is
 * shown as any other: nothing the user made is ever hidden.
 */
export function bodyParts(paragraphs: readonly Paragraph[], marked: (index: number) => boolean): BodyPart[] {
  const parts: BodyPart[] = [];
  paragraphs.forEach((p, index) => {
    if (!p.fold || marked(index)) {
      parts.push({ kind: 'paragraph', index });
      return;
    }
    const last = parts[parts.length - 1];
    if (last?.kind === 'folded' && last.indices[last.indices.length - 1] === index - 1) {
      last.indices.push(index);
      if (!last.reasons.includes(p.fold)) last.reasons.push(p.fold);
    } else {
      parts.push({ kind: 'folded', indices: [index], reasons: [p.fold] });
    }
  });
  return parts;
}

const REASON_WORDS: Record<FoldReason, string> = {
  title: 'the title again',
  navigation: 'site navigation',
  repeated: 'lines the site repeats',
};

/** The button of a folded run: "2 lines left out: site navigation, the title again". */
export function foldedLabel(part: Extract<BodyPart, { kind: 'folded' }>): string {
  const n = part.indices.length;
  return `${n} ${n === 1 ? 'line' : 'lines'} left out: ${part.reasons.map((r) => REASON_WORDS[r]).join(', ')}`;
}

/** A run holding only the title repeated needs no button: the title stands above the text. */
export function onlyTitle(part: Extract<BodyPart, { kind: 'folded' }>): boolean {
  return part.reasons.length === 1 && part.reasons[0] === 'title';
}
