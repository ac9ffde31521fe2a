import { Fragment, type ReactNode } from 'react';
import type { DocumentLink } from '@common/corpus/corpus-types';
import { splitIntoPieces, type Decoration } from './decorations';

type Props = {
  text: string;
  start: number;
  end: number;
  decorations: readonly Decoration[];
  /** Links of the source touching [start, end): shown as link text, never followed. */
  links?: readonly DocumentLink[];
};

const NO_LINKS: readonly DocumentLink[] = [];

type Segment = { start: number; end: number; link?: DocumentLink };

/** [start, end) cut at link boundaries; overlapping links (not made by the builder) keep the first. */
function linkSegments(start: number, end: number, links: readonly DocumentLink[]): Segment[] {
  const segments: Segment[] = [];
  let at = start;
  for (const link of links) {
    const from = Math.max(start, link.start);
    const to = Math.min(end, link.end);
    if (to <= from || from < at) continue;
    if (from > at) segments.push({ start: at, end: from });
    segments.push({ start: from, end: to, link });
    at = to;
  }
  if (at < end) segments.push({ start: at, end });
  return segments;
}

function Pieces({ text, start, end, decorations }: Omit<Props, 'links'>) {
  return splitIntoPieces(start, end, decorations).map((piece) => {
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
  });
}

/**
 * Renders text[start, end) as text nodes and nested <mark> elements. Every node carries
 * data-offset so a DOM selection maps back to document offsets exactly. Link text is wrapped
 * in a focusable span.doc-link (never an <a href>: nothing in a document can navigate); its
 * address is in the title, and the reader offers it to copy. Marks nest inside the link span,
 * so highlights and hits over link text look and work as anywhere else.
 */
export function DecoratedText({ text, start, end, decorations, links = NO_LINKS }: Props) {
  if (links.length === 0) return <Pieces text={text} start={start} end={end} decorations={decorations} />;
  return (
    <>
      {linkSegments(start, end, links).map((segment) =>
        segment.link ? (
          <span
            key={segment.start}
            className="doc-link"
            role="button"
            tabIndex={0}
            aria-haspopup="dialog"
            title={segment.link.href}
            data-link-start={segment.link.start}
          >
            <Pieces text={text} start={segment.start} end={segment.end} decorations={decorations} />
          </span>
        ) : (
          <Fragment key={segment.start}>
            <Pieces text={text} start={segment.start} end={segment.end} decorations={decorations} />
          </Fragment>
        ),
      )}
    </>
  );
}
