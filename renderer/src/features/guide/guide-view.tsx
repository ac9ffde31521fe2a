import { useEffect, useRef } from 'react';
import guideSource from './user-guide.md?raw';
import { inline, parseGuide } from './guide-text';
import './guide.css';

const BLOCKS = parseGuide(guideSource);

/** The user guide, bundled with the app (no network): one h1, a section per topic. */
export function GuideView() {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <article className="guide" aria-labelledby="guide-title">
      {BLOCKS.map((block, i) => {
        if (block.kind === 'h1')
          return (
            <h1 key={i} id="guide-title" className="section-title" tabIndex={-1} ref={headingRef}>
              {block.text}
            </h1>
          );
        if (block.kind === 'h2') return <h2 key={i}>{inline(block.text)}</h2>;
        if (block.kind === 'ul')
          return (
            <ul key={i}>
              {block.items.map((item, j) => (
                <li key={j}>{inline(item)}</li>
              ))}
            </ul>
          );
        return <p key={i}>{inline(block.text)}</p>;
      })}
    </article>
  );
}
