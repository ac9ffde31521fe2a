import type { AssembledText } from './text-blocks';

/** Several parts (chapters) as one text: joined by a blank line, their offsets moved along. */
export function concatAssembled(parts: readonly AssembledText[]): AssembledText {
  let text = '';
  const blocks: AssembledText['blocks'] = [];
  const links: AssembledText['links'] = [];
  for (const part of parts) {
    if (part.text.trim() === '' || part.blocks.length === 0) continue;
    if (text !== '') text += '\n\n';
    const shift = text.length;
    text += part.text;
    for (const block of part.blocks) blocks.push({ ...block, start: block.start + shift, end: block.end + shift });
    for (const link of part.links) links.push({ ...link, start: link.start + shift, end: link.end + shift });
  }
  return { text, blocks, links };
}
