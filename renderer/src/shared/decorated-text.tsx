import type { ReactNode } from 'react';
import { splitIntoPieces, type Decoration } from './decorations';

type Props = { text: string; start: number; end: number; decorations: readonly Decoration[] };

/**
 * Renders text[start, end) as text nodes and nested <mark> elements. Every node carries
 * data-offset so a DOM selection maps back to document offsets exactly.
 */
export function DecoratedText({ text, start, end, decorations }: Props) {
  return (
    <>
      {splitIntoPieces(start, end, decorations).map((piece) => {
        let node: ReactNode = text.slice(piece.start, piece.end);
        for (const d of piece.decorations) {
          node = (
            <mark className={d.className} data-decoration-id={d.id}>
              {node}
            </mark>
          );
        }
        return (
          <span key={piece.start} data-offset={piece.start}>
            {node}
          </span>
        );
      })}
    </>
  );
}
