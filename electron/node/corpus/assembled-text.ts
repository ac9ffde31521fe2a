import type { AssembledText } from './text-blocks';

/**
 * Several parts (chapters) as one text: joined by a blank line, their offsets moved along.
 * starts: where each part begins in the text (a part with no text: where the next one begins).
 */
export function concatAssembled(parts: readonly AssembledText[]): AssembledText & { starts: number[] } {
  let text = '';
  const starts: (number | undefined)[] = [];
  const blocks: AssembledText['blocks'] = [];
  const links: AssembledText['links'] = [];
  for (const part of parts) {
    if (part.text.trim() === '' || part.blocks.length === 0) {
      starts.push(undefined);
      continue;
    }
    if (text !== '') text += '\n\n';
    const shift = text.length;
    starts.push(shift);
    text += part.text;
    for (const block of part.blocks) blocks.push({ ...block, start: block.start + shift, end: block.end + shift });
    for (const link of part.links) links.push({ ...link, start: link.start + shift, end: link.end + shift });
  }
  let next = text.length;
  const filled = starts.map(() => 0);
  for (let i = starts.length - 1; i >= 0; i--) filled[i] = next = starts[i] ?? next;
  return { text, blocks, links, starts: filled };
}
