import { Fragment, memo, useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent, type ReactNode, type RefObject } from 'react';
import type { DocumentLink, DocumentView } from '@common/corpus/corpus-types';
import { formatReadingTime } from '@common/corpus/reading-time';
import { bylineParts, NO_BYLINE } from '@common/corpus/byline';
import { flushSync } from 'react-dom';
import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { bodyParts, foldedLabel, onlyTitle, type BodyPart } from './folded-runs';
import { chunkAt, chunkParagraphs, estimateChunkHeight, VIRTUAL_FROM_PARAGRAPHS, type TextMetrics } from './chunks';
import { useCommands, useShortcuts, useShortcutText } from '../../shared/commands/command-provider';
import { DecoratedText } from '../../shared/decorated-text';
import { decorationsByRange, sameDecorations, type Decoration } from '../../shared/decorations';
import { ErrorPanel } from '../../shared/error-panel';
import type { ScrollTarget, TextSelection } from '../../shared/reader-types';
import { useApiQuery } from '../../shared/data/use-api-query';
import { useDocumentStart, useWholeDocument } from '../../shared/data/use-document';
import { useKeyboardSelection } from './use-keyboard-selection';
import { readingLineOffset, useReadingOffset, useScrollTarget, useSelectionReporting } from './use-reader-extensions';
import { displayTitle } from '../../shared/display-title';
import { pageAtOffset } from '../../shared/page-at-offset';
import { LinkPopover } from './link-popover';
import { GoToPage } from './go-to-page';
import { pageStarts, type PageStart } from './pages';
import { useCurrentPage } from './use-current-page';
import { stepParagraph } from './paragraph-steps';
import { markOf, RepeatMark, RepeatPlaces, useRepeatIds, type PassageTarget } from './repeat-marks';
import type { RepeatedParagraph } from '@common/analysis/repeated-types';
import { OriginalPage } from './original-page';
import { openOriginal, releaseOriginal } from './original-cache';
import { originalRefusal } from './original-refusal';
import './reader.css';
import './repeat-marks.css';

type Props = {
  id: string;
  onBack: () => void;
  /** Where onBack goes: the back control names it. */
  backTo?: 'library' | 'notebook';
  /** Marks to draw over the text (search hits, highlights), supplied by the app. */
  decorations?: readonly Decoration[];
  /** A decoration to scroll into view (e.g. the current search hit) once the document is shown. */
  scrollToDecorationId?: string;
  /** The selected span of text (document offsets), or null when the selection is gone. */
  onSelectionChange?: (selection: TextSelection | null) => void;
  /** Where to scroll once the document is shown (a reading position, a highlight to flash). */
  scrollTarget?: ScrollTarget;
  /**
   * The first visible offset, how far the window shows the text, and where the eye is (the top
   * quarter: the section being read), as the user scrolls (at most once a frame; throttle before saving).
   */
  onReadingOffsetChange?: (offset: number, seenTo: number, readingAt: number) => void;
  /** A click on marked text: ids of the decorations under the pointer, innermost first. */
  onDecorationClick?: (ids: string[]) => void;
  /** A panel beside the text (notes, bookmarks); folded away behind a button in narrow windows. */
  aside?: ReactNode;
  /** Changed (non-zero) when the panel has something to show (a highlight selected): a folded panel opens. */
  asideRequest?: number;
  /**
   * What stays in view below the text (the position in the document). As a function it is given
   * the page being read and, for a PDF, its Show original button, to keep in view with it.
   */
  footer?: ReactNode | ((pageActions: ReactNode) => ReactNode);
  /** Opens a passage this document's repeated paragraphs also stand in; without it no repeat marks are shown. */
  onOpenPassage?: (passage: PassageTarget) => void;
};

/** Ids of the marks around a clicked node, innermost first. */
function decorationIdsAt(target: EventTarget | null): string[] {
  const ids: string[] = [];
  for (let el = target instanceof Element ? target.closest('mark') : null; el; el = el.parentElement?.closest('mark') ?? null) {
    const id = el.getAttribute('data-decoration-id');
    if (id) ids.push(id);
  }
  return ids;
}

const NO_DECORATIONS: readonly Decoration[] = [];

/** Languages written right to left: a paginated document in one has its page markers in the right margin. */
const RTL_LANGUAGE = /^(ar|fa|he|iw|ur|ps|sd|ug|yi|dv|ckb)(-|$)/i;

/** The document link whose address is shown: its href and its link text in the page. */
type OpenLink = { href: string; anchor: HTMLElement };

type BodyProps = {
  doc: DocumentView;
  decorations: readonly Decoration[];
  bodyRef: RefObject<HTMLDivElement | null>;
  onClick?: (event: MouseEvent<HTMLDivElement>) => void;
  onKeyDown?: (event: KeyboardEvent<HTMLDivElement>) => void;
};

type ParagraphProps = {
  text: string;
  start: number;
  end: number;
  /** What the block was in its source: headings (h1…h6) are set apart. */
  kind?: string;
  /** As the source states them; without a stated direction each paragraph takes its own (dir="auto"). */
  lang?: string;
  dir?: 'rtl' | 'ltr';
  className?: string;
  decorations: readonly Decoration[];
  links: readonly DocumentLink[];
};

/** The margin labels of the marks starting in a paragraph (a passage's codes), floated beside it. */
function MarginMarks({ decorations }: { decorations: readonly Decoration[] }) {
  return (
    <div className="margin-marks">
      {decorations.map((d) => (
        <ul key={d.id} className="margin-mark-group" aria-label="Codes of a passage here">
          {d.margin!.map((label) => (
            <li key={label.text} className={`margin-mark ${label.className}`} dir="auto">
              {label.text}
            </li>
          ))}
        </ul>
      ))}
    </div>
  );
}

/** One paragraph, rendered again only when its own marks change (stepping through hits touches two). */
const Paragraph = memo(
  function Paragraph({ text, start, end, kind, lang, dir, className, decorations, links }: ParagraphProps) {
    const heading = kind !== undefined && /^h[1-6]$/.test(kind);
    // Notes of the marks starting here, printed in the margin beside the paragraph (hidden on screen).
    const notes = decorations.filter((d) => d.note && d.start >= start && d.start < end);
    const paragraph = (
      // Focusable by script only (j/k, the contents): one paragraph at a time, shown with a focus ring.
      <p dir={dir ?? 'auto'} lang={lang} data-start={start} data-end={end} tabIndex={-1} className={[heading ? `block-heading block-${kind}` : '', className ?? ''].filter(Boolean).join(' ') || undefined}>
        <DecoratedText text={text} start={start} end={end} decorations={decorations} links={links} />
      </p>
    );
    const margin = decorations.filter((d) => d.margin && d.margin.length > 0 && d.start >= start && d.start < end);
    const marks = margin.length > 0 && <MarginMarks decorations={margin} />;
    if (notes.length === 0) return marks ? <>{marks}{paragraph}</> : paragraph;
    return (
      <>
        {marks}
        <div className="print-notes" aria-hidden="true">
          {notes.map((d) => (
            <div key={d.id} className="print-note" dir="auto">
              {d.note}
            </div>
          ))}
        </div>
        {paragraph}
      </>
    );
  },
  (a, b) =>
    a.text === b.text &&
    a.start === b.start &&
    a.end === b.end &&
    a.kind === b.kind &&
    a.lang === b.lang &&
    a.dir === b.dir &&
    a.className === b.className &&
    a.links === b.links &&
    sameDecorations(a.decorations, b.decorations),
);

type Repeats = { byParagraph: ReadonlyMap<number, RepeatedParagraph>; onOpen: (passage: PassageTarget) => void };

/**
 * Brings the text at an offset into the DOM and calls `then` once it is there (at once when it
 * is: always for a document drawn whole); the caller scrolls to it precisely. Returns a cancel.
 */
export type Reveal = (offset: number, then: () => void) => () => void;

const REVEAL_NOW: Reveal = (_offset, then) => {
  then();
  return () => {};
};

/** The paragraphs in [first, end) as the body shows them (folded runs behind a button), indices into the whole document. */
function partsIn(paragraphs: DocumentView['paragraphs'], first: number, end: number, marked: (index: number) => boolean): BodyPart[] {
  const parts = bodyParts(first === 0 && end === paragraphs.length ? paragraphs : paragraphs.slice(first, end), (i) => marked(first + i));
  if (first === 0) return parts;
  return parts.map((part) => (part.kind === 'paragraph' ? { ...part, index: part.index + first } : { ...part, indices: part.indices.map((i) => i + first) }));
}

/**
 * Printing a long document draws all of it (the print stylesheet, printToPDF, window.print):
 * at once, before the page is laid out for paper, and back to a window of chunks after.
 */
function usePrinting(enabled: boolean): boolean {
  const [printing, setPrinting] = useState(false);
  useEffect(() => {
    if (!enabled) return;
    const media = window.matchMedia('print');
    let scrolled = 0;
    let on = false;
    const set = (next: boolean) => {
      if (next === on) return;
      on = next;
      if (next) scrolled = window.scrollY;
      flushSync(() => setPrinting(next));
      if (!next) window.scrollTo({ top: scrolled, behavior: 'instant' });
    };
    const onChange = () => set(media.matches);
    const before = () => set(true);
    const after = () => set(media.matches);
    media.addEventListener('change', onChange);
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      media.removeEventListener('change', onChange);
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, [enabled]);
  return enabled && printing;
}

const SAMPLE = 'the reading room opens at nine and the light is best in the hour before noon ';

/** The reader's type as laid out in the body (a probe paragraph, removed at once): what chunk heights are guessed from. */
function measureText(body: HTMLElement): TextMetrics {
  const probe = document.createElement('p');
  const line = document.createElement('span');
  line.textContent = SAMPLE;
  // CSSOM, not a style attribute: the CSP allows it. One unbroken line, to measure its width.
  line.style.whiteSpace = 'nowrap';
  probe.appendChild(line);
  body.appendChild(probe);
  const style = getComputedStyle(probe);
  const charWidth = line.getBoundingClientRect().width / SAMPLE.length || 8;
  const lineHeight = parseFloat(style.lineHeight) || 24;
  const paragraphGap = parseFloat(style.marginBottom) || 0;
  probe.remove();
  // Lines break between words: a little less than the width allows.
  return { lineHeight, paragraphGap, charsPerLine: Math.max(10, (body.clientWidth / charWidth) * 0.95) };
}

const nextFrame = (run: () => void) => requestAnimationFrame(run);

function DocumentBody({
  doc,
  decorations,
  bodyRef,
  onClick,
  onKeyDown,
  pages,
  repeats,
  revealRef,
  paragraphCount,
}: BodyProps & { pages: readonly PageStart[]; repeats?: Repeats; revealRef: RefObject<Reveal>; paragraphCount: number }) {
  const perParagraph = useMemo(() => decorationsByRange(doc.paragraphs, decorations), [doc.paragraphs, decorations]);
  const linksPerParagraph = useMemo(() => decorationsByRange(doc.paragraphs, doc.links), [doc.paragraphs, doc.links]);
  const pageAt = useMemo(() => new Map(pages.map((p) => [p.paragraph, p.label])), [pages]);
  // Decided on the whole document's size, so its start is drawn as the whole will be.
  const virtual = Math.max(paragraphCount, doc.paragraphs.length) >= VIRTUAL_FROM_PARAGRAPHS;
  const marked = useCallback((i: number) => perParagraph[i]!.length > 0, [perParagraph]);
  const parts = useMemo(() => (virtual ? [] : partsIn(doc.paragraphs, 0, doc.paragraphs.length, marked)), [virtual, doc.paragraphs, marked]);
  // Folded runs the user opened, by the offset they start at.
  const [unfolded, setUnfolded] = useState<ReadonlySet<number>>(new Set());
  // The repeated paragraph (1-based) whose other places are listed, if any.
  const [openRepeat, setOpenRepeat] = useState<number | null>(null);
  const repeatIds = useRepeatIds();

  // A long document: chunks of paragraphs, those near the window drawn between two spacers
  // that stand for the rest (measured once drawn, guessed from the type before).
  const chunks = useMemo(() => (virtual ? chunkParagraphs(doc.paragraphs) : []), [virtual, doc.paragraphs]);
  const printing = usePrinting(virtual);
  const [metrics, setMetrics] = useState<TextMetrics | null>(null);
  const [scrollMargin, setScrollMargin] = useState(0);
  useLayoutEffect(() => {
    const body = bodyRef.current;
    if (!virtual || !body) return;
    setMetrics((old) => old ?? measureText(body));
    // Where the body starts in the page: the title above it wraps with the window's width.
    const place = () => setScrollMargin(Math.round(body.getBoundingClientRect().top + window.scrollY));
    place();
    const above = new ResizeObserver(place);
    for (const el of [body.parentElement?.previousElementSibling, document.querySelector('.app-header')]) if (el) above.observe(el);
    window.addEventListener('resize', place);
    return () => {
      above.disconnect();
      window.removeEventListener('resize', place);
    };
  }, [virtual, bodyRef]);
  const virtualizer = useWindowVirtualizer({
    count: chunks.length,
    estimateSize: (i) => (metrics ? estimateChunkHeight(chunks[i]!, doc.paragraphs, metrics) : 800),
    getItemKey: (i) => chunks[i]!.start,
    overscan: 1,
    scrollMargin,
    enabled: virtual && metrics !== null,
  });

  // Scrolled to the end (End, the last page), the end stays in view as the last chunks are
  // measured (the virtualiser keeps what is above the window in place, not the end).
  const atEnd = useRef(false);
  useEffect(() => {
    if (!virtual) return;
    const onScroll = () => {
      atEnd.current = window.scrollY > 0 && window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2;
    };
    window.addEventListener('scroll', onScroll, { passive: true });
    return () => window.removeEventListener('scroll', onScroll);
  }, [virtual]);
  useLayoutEffect(() => {
    if (!atEnd.current || printing) return;
    const end = document.documentElement.scrollHeight - window.innerHeight;
    if (window.scrollY < end - 1) window.scrollTo({ top: end, behavior: 'instant' });
  });

  const reveal = useCallback<Reveal>(
    (offset, then) => {
      if (!virtual || printing) return REVEAL_NOW(offset, then);
      const index = chunkAt(chunks, offset);
      const drawn = () => bodyRef.current?.querySelector(`.reader-chunk[data-index="${index}"]`) != null;
      if (drawn()) return REVEAL_NOW(offset, then);
      let frame = 0;
      let tries = 0;
      virtualizer.scrollToIndex(index, { align: 'start' });
      // Drawn within a frame or two; one frame more lets it be measured before the precise scroll.
      const wait = () => {
        if (drawn() || ++tries > 120) frame = nextFrame(then);
        else frame = nextFrame(wait);
      };
      frame = nextFrame(wait);
      return () => cancelAnimationFrame(frame);
    },
    [virtual, printing, chunks, virtualizer, bodyRef],
  );
  useLayoutEffect(() => {
    revealRef.current = reveal;
  }, [revealRef, reveal]);

  const marker = (i: number) =>
    pageAt.has(i) && (
      <span key={`page-${i}`} className="page-marker" data-page={pageAt.get(i)} tabIndex={-1}>
        p. {pageAt.get(i)}
      </span>
    );
  const paragraph = (i: number, className?: string) => {
    const p = doc.paragraphs[i]!;
    const repeat = repeats?.byParagraph.get(i + 1);
    return (
      <Fragment key={p.start}>
        {marker(i)}
        {repeat && <RepeatMark repeat={repeat} open={openRepeat === i + 1} baseId={repeatIds} onToggle={() => setOpenRepeat(openRepeat === i + 1 ? null : i + 1)} />}
        <Paragraph
          text={doc.text}
          start={p.start}
          end={p.end}
          kind={p.kind}
          lang={p.lang}
          dir={p.dir}
          className={className}
          decorations={perParagraph[i]!}
          links={linksPerParagraph[i]!}
        />
        {repeat && openRepeat === i + 1 && (
          <RepeatPlaces
            documentId={doc.id}
            repeat={repeat}
            baseId={repeatIds}
            onOpen={repeats!.onOpen}
            onClose={() => {
              setOpenRepeat(null);
              markOf(bodyRef.current, i + 1)?.focus();
            }}
          />
        )}
      </Fragment>
    );
  };
  // A page that starts on a folded line keeps its marker where the fold is: the last such page,
  // and only when the text after the fold does not start a page of its own (two markers would
  // stand on one line).
  const hiddenMarkers = (indices: readonly number[]) => {
    const last = indices.findLast((i) => pageAt.has(i));
    return last === undefined || pageAt.has(indices.at(-1)! + 1) ? null : marker(last);
  };
  const drawParts = (list: readonly BodyPart[]) =>
    list.map((part) => {
      if (part.kind === 'paragraph') return paragraph(part.index);
      const at = doc.paragraphs[part.indices[0]!]!.start;
      if (onlyTitle(part)) return <Fragment key={`fold-${at}`}>{hiddenMarkers(part.indices)}</Fragment>;
      const open = unfolded.has(at);
      const toggle = () => setUnfolded((set) => (open ? new Set([...set].filter((s) => s !== at)) : new Set([...set, at])));
      return (
        <Fragment key={`fold-${at}`}>
          {!open && hiddenMarkers(part.indices)}
          <div className={open ? 'folded-lines open' : 'folded-lines'}>
            <button type="button" className="link-button folded-toggle" aria-expanded={open} onClick={toggle}>
              {open ? `Hide: ${foldedLabel(part)}` : foldedLabel(part)}
            </button>
            {open && part.indices.map((i) => paragraph(i, 'folded-line'))}
          </div>
        </Fragment>
      );
    });
  const drawChunk = (index: number, measure?: (el: HTMLElement | null) => void) => {
    const chunk = chunks[index]!;
    return (
      <div key={chunk.start} className="reader-chunk" data-index={index} ref={measure}>
        {drawParts(partsIn(doc.paragraphs, chunk.first, chunk.end, marked))}
      </div>
    );
  };
  const drawWindow = () => {
    const items = virtualizer.getVirtualItems();
    if (items.length === 0) return chunks.length > 0 ? drawChunk(0) : null;
    const top = items[0]!.start - scrollMargin;
    const bottom = virtualizer.getTotalSize() - items[items.length - 1]!.end;
    return (
      <>
        <div className="reader-spacer" aria-hidden="true" style={{ height: Math.max(0, top) }} />
        {items.map((item) => drawChunk(item.index, virtualizer.measureElement))}
        <div className="reader-spacer" aria-hidden="true" style={{ height: Math.max(0, bottom) }} />
      </>
    );
  };
  const classes = ['document-body', pages.length > 0 && 'paginated', pages.length > 0 && RTL_LANGUAGE.test(doc.language) && 'pages-right', virtual && 'virtual'];
  return (
    // Clicks on marks are a pointer shortcut; the notes panel offers the same by keyboard.
    // Links (span.doc-link) are focusable and open their address with Enter or Space too.
    // Page markers sit between paragraphs, outside the text's pieces: selections and offsets never include them.
    <div className={classes.filter(Boolean).join(' ')} lang={doc.language || undefined} ref={bodyRef} onClick={onClick} onKeyDown={onKeyDown}>
      {!virtual ? drawParts(parts) : printing ? chunks.map((_, i) => drawChunk(i)) : drawWindow()}
    </div>
  );
}

/**
 * The side panel's fold (reader.css: below about 900 px it is hidden behind a button and opens over
 * the text). Open or not only matters while folded; Escape in the open panel folds it again.
 */
function useFoldedAside(request: number) {
  const [state, setState] = useState({ open: false, request });
  // Opened in the same render as what it is to show, so that can take focus at once.
  if (state.request !== request) setState({ open: request !== 0 || state.open, request });
  const open = state.request !== request ? request !== 0 || state.open : state.open;
  const setOpen = useCallback((next: boolean) => setState((s) => ({ ...s, open: next })), []);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const id = useId();
  const folded = () => toggleRef.current?.checkVisibility() === true;
  const close = useCallback(() => {
    setOpen(false);
    toggleRef.current?.focus();
  }, [setOpen]);
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    // A field or popover that took Escape first keeps the panel open.
    if (event.key !== 'Escape' || event.defaultPrevented || !folded()) return;
    event.preventDefault();
    close();
  };
  return { open, setOpen, toggleRef, id, close, onKeyDown };
}

export function ReaderView(props: Props) {
  const { id, onBack, backTo = 'library', decorations = NO_DECORATIONS, scrollToDecorationId } = props;
  const { onSelectionChange, scrollTarget, onReadingOffsetChange, onDecorationClick, aside, asideRequest = 0, footer, onOpenPassage } = props;
  // The first paragraphs come first (asked for first, a few KB) and are shown while the whole
  // text is on its way (a book: megabytes); a short document's start is all of it.
  const start = useDocumentStart(id);
  const doc = useWholeDocument(id);
  const shownDoc = doc.status === 'ready' ? doc.value : start.status === 'ready' ? start.value : undefined;
  const paragraphCount = start.status === 'ready' ? start.value.paragraphCount : (shownDoc?.paragraphs.length ?? 0);
  // After the whole text: corpus reads answer one at a time, and this one can take seconds in a book.
  const repeated = useApiQuery('documentRepeats', { documentId: id }, { enabled: onOpenPassage !== undefined && doc.status === 'ready' }).value;
  const repeats = useMemo<Repeats | undefined>(
    () => (repeated && onOpenPassage && repeated.paragraphs.length > 0 ? { byParagraph: new Map(repeated.paragraphs.map((p) => [p.paragraph, p])), onOpen: onOpenPassage } : undefined),
    [repeated, onOpenPassage],
  );
  const headingRef = useRef<HTMLHeadingElement>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  // Every "go to an offset" (reading position, notes, contents, hits, pages) goes through it: a long document draws the place first.
  const revealRef = useRef<Reveal>(REVEAL_NOW);
  const latestDecorations = useRef(decorations);
  useEffect(() => {
    latestDecorations.current = decorations;
  });
  const { open: asideOpen, setOpen: setAsideOpen, toggleRef: asideToggleRef, id: asideId, close: closeAside, onKeyDown: onAsideKeyDown } = useFoldedAside(asideRequest);

  const shownAny = shownDoc !== undefined;
  useEffect(() => {
    if (shownAny) headingRef.current?.focus();
  }, [shownAny]);

  // After the heading's focus above, so the hit, not the title, ends up in view.
  useEffect(() => {
    if (doc.status !== 'ready' || !scrollToDecorationId) return;
    const show = () => document.querySelector(`[data-decoration-id="${CSS.escape(scrollToDecorationId)}"]`)?.scrollIntoView({ block: 'center' });
    const mark = latestDecorations.current.find((d) => d.id === scrollToDecorationId);
    if (!mark) return void show();
    return revealRef.current(mark.start, show);
  }, [doc.status, scrollToDecorationId]);

  const ready = doc.status === 'ready';
  useSelectionReporting(bodyRef, ready, onSelectionChange);
  useReadingOffset(bodyRef, ready, ready ? doc.value.text.length : 0, onReadingOffsetChange);
  const flash = useScrollTarget(bodyRef, ready, scrollTarget, revealRef);
  // The caret walks the article: lines folded away (the title again, site navigation) are not in its way.
  const articleParagraphs = useMemo(() => (ready ? doc.value.paragraphs.filter((p) => !p.fold) : null), [ready, doc]);
  const keyboard = useKeyboardSelection(bodyRef, ready ? doc.value.text : null, articleParagraphs);
  const { caret } = keyboard;
  const shown = useMemo(() => {
    const extra = [flash, caret].filter((d) => d !== null);
    return extra.length > 0 ? [...decorations, ...extra] : decorations;
  }, [decorations, flash, caret]);
  const [openLink, setOpenLink] = useState<OpenLink | null>(null);
  const closeLink = useCallback(() => setOpenLink(null), []);
  const linkAt = (target: EventTarget | null): OpenLink | null => {
    const anchor = target instanceof Element ? target.closest<HTMLElement>('.doc-link') : null;
    const link = anchor && ready ? doc.value.links.find((l) => l.start === Number(anchor.dataset.linkStart)) : undefined;
    return anchor && link ? { href: link.href, anchor } : null;
  };
  const onBodyClick = (event: MouseEvent<HTMLDivElement>) => {
    // Selecting text across a link is not a click on it.
    if (document.getSelection()?.isCollapsed === false) return;
    const link = linkAt(event.target);
    if (link) {
      setOpenLink((current) => (current?.anchor === link.anchor ? null : link));
      return;
    }
    const ids = decorationIdsAt(event.target);
    if (ids.length > 0) onDecorationClick?.(ids);
  };
  const onBodyKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // On a paragraph reached with j/k, the arrows go on from paragraph to paragraph (keyboard selection keeps them).
    const arrow = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : 0;
    if (arrow && !keyboard.active && !event.altKey && !event.ctrlKey && !event.metaKey && !event.shiftKey) {
      if (event.target instanceof HTMLParagraphElement && bodyRef.current && stepParagraph(bodyRef.current, arrow)) event.preventDefault();
      return;
    }
    if (event.key !== 'Enter' && event.key !== ' ') return;
    const link = linkAt(event.target);
    if (!link || link.anchor !== event.target) return;
    event.preventDefault();
    setOpenLink(link);
  };

  const pages = useMemo(() => (ready ? pageStarts(doc.value.paragraphs) : []), [ready, doc]);
  const pageOf = useCallback((offset: number) => (ready ? pageAtOffset(doc.value.paragraphs, offset) : undefined), [ready, doc]);
  const currentPage = useCurrentPage(bodyRef, pages.length > 0, pageOf);
  const [goToOpen, setGoToOpen] = useState(false);
  const goToReturn = useRef<HTMLElement | null>(null);
  const closeGoTo = useCallback(() => {
    setGoToOpen(false);
    const back = goToReturn.current;
    if (back?.isConnected) back.focus({ preventScroll: true });
  }, []);
  const pageOffset = (page: PageStart) => (ready ? (doc.value.paragraphs[page.paragraph]?.start ?? 0) : 0);
  const goToPage = (page: PageStart) => {
    setGoToOpen(false);
    revealRef.current(pageOffset(page), () => {
      const marker = bodyRef.current?.querySelector<HTMLElement>(`.page-marker[data-page="${CSS.escape(page.label)}"]`);
      if (!marker) return;
      marker.scrollIntoView({ block: 'start' });
      marker.focus({ preventScroll: true });
    });
  };

  // "Show original": the paragraph being read, on its page as the PDF draws it.
  const [original, setOriginal] = useState<{ paragraph: number } | null>(null);
  const [originalNote, setOriginalNote] = useState('');
  const originalReturn = useRef<HTMLElement | null>(null);
  const isPdf = ready && doc.value.format === 'pdf';
  const refusal = ready ? originalRefusal(doc.value) : '';
  // `page`: the page a control names (the footer's, which at the text's end is the lowest in view);
  // without it, the page of the paragraph being read (the one marked).
  const showOriginal = useCallback((page?: string) => {
    if (!ready) return;
    if (refusal) return setOriginalNote(refusal);
    const at = bodyRef.current ? readingLineOffset(bodyRef.current) : null;
    const paragraphs = doc.value.paragraphs;
    let index = paragraphs.findIndex((p) => at !== null && p.start <= at && at <= p.end);
    if (index < 0) index = Math.max(0, paragraphs.findIndex((p) => !p.fold));
    if (page && pageOf(paragraphs[index]?.start ?? 0) !== page) {
      const onPage = paragraphs.findIndex((p) => !p.fold && pageOf(p.start) === page);
      if (onPage >= 0) index = onPage;
    }
    if (document.activeElement instanceof HTMLElement) originalReturn.current = document.activeElement;
    setOriginalNote('');
    setOriginal({ paragraph: index });
  }, [ready, doc, refusal, pageOf]);
  // Pointed at or focused, the button starts opening the original, so the page draws sooner when pressed.
  const prefetchOriginal = useCallback(() => {
    if (ready && !refusal) openOriginal(doc.value).catch(() => undefined);
  }, [ready, doc, refusal]);
  const readDoc = ready ? doc.value : undefined;
  useEffect(() => () => readDoc && releaseOriginal(readDoc), [readDoc]);
  const closeOriginal = useCallback(() => {
    setOriginal(null);
    const back = originalReturn.current;
    if (back?.isConnected) back.focus({ preventScroll: true });
  }, []);

  // The least specific Escape: a field, a popover or the find bar that takes it first keeps the reader open.
  useCommands({
    'reader.back': { run: onBack },
    'reader.go-to-page': {
      when: () => pages.length > 0,
      run: () => {
        if (!goToOpen && document.activeElement instanceof HTMLElement) goToReturn.current = document.activeElement;
        setGoToOpen(true);
      },
    },
    'reader.show-original': { when: () => isPdf && !original, run: () => showOriginal() },
    'reader.next-paragraph': { when: () => ready, run: () => bodyRef.current && stepParagraph(bodyRef.current, 1) },
    'reader.previous-paragraph': { when: () => ready, run: () => bodyRef.current && stepParagraph(bodyRef.current, -1) },
  });
  const backKey = useShortcuts('reader.back')[0];
  const originalKey = useShortcutText('reader.show-original');
  const selectKeys = { toggle: useShortcutText('reader.keyboard-selection'), stop: useShortcutText('reader.caret.stop') };

  // The bar above scrolls away with the title: the page being read and its original stay in view
  // below the text, where a pointer reaches them from any page (O does from the keyboard).
  const pageActions = currentPage ? (
    <span className="reader-footer-page">
      <span>p. {currentPage}</span>
      {isPdf && (
        <button
          type="button"
          className="link-button original-from-footer"
          onClick={() => showOriginal(currentPage)}
          onPointerEnter={prefetchOriginal}
          aria-disabled={refusal ? true : undefined}
          title={refusal || `Page ${currentPage} as the PDF draws it (${originalKey})`}
        >
          Original page
        </button>
      )}
    </span>
  ) : null;

  return (
    <article className="reader" aria-busy={!shownDoc && doc.status === 'loading'}>
      <nav className="reader-nav">
        <button type="button" className="back-button" onClick={onBack} title={`Back to the ${backTo} (${backKey})`}>
          ← {backTo === 'notebook' ? 'Notebook' : 'Library'}
        </button>
        {/* The document's own actions, together at the bar's end: the page being read, Show original (it
            opens that page), then the folded panel's button (the panel opens at that edge). */}
        <div className="reader-actions">
          {currentPage && (
            <p className="reader-page" title="The page being read (Go to page: Ctrl+G)">
              p. {currentPage}
            </p>
          )}
          {isPdf && (
            <button
              type="button"
              className="show-original"
              onClick={() => showOriginal()}
              onPointerEnter={prefetchOriginal}
              onFocus={prefetchOriginal}
              aria-disabled={refusal ? true : undefined}
              aria-keyshortcuts="O"
              title={refusal || `The page being read as the PDF draws it (${originalKey})`}
            >
              Show original
            </button>
          )}
          {aside && ready && (
            <button
              type="button"
              ref={asideToggleRef}
              className="aside-toggle"
              aria-expanded={asideOpen}
              aria-controls={asideId}
              onClick={() => setAsideOpen(!asideOpen)}
            >
              Notes and bookmarks
            </button>
          )}
        </div>
      </nav>
      {originalNote && (
        <p className="original-note" role="status">
          {originalNote}
        </p>
      )}
      {original && ready && <OriginalPage doc={doc.value} paragraph={original.paragraph} onClose={closeOriginal} />}
      {goToOpen && pages.length > 0 && <GoToPage pages={pages} onGo={goToPage} onClose={closeGoTo} />}
      {!shownDoc && doc.status === 'loading' && <p className="status">Opening the document…</p>}
      {doc.status === 'error' && <ErrorPanel title="This document cannot be opened" error={doc.error} />}
      {doc.status !== 'error' && shownDoc && (
        <>
          <header className="reader-header">
            <h1 className="reader-title" dir="auto" tabIndex={-1} ref={headingRef}>
              {displayTitle(shownDoc.title)}
            </h1>
            <p className="reader-meta" dir="auto">
              {/* Source and author each keep their own direction (an Arabic name beside an English source). */}
              {bylineParts(shownDoc).map((part, i) => (
                <span key={i}>
                  {i > 0 && ' · '}
                  <bdi>{part}</bdi>
                </span>
              ))}
              {bylineParts(shownDoc).length === 0 && NO_BYLINE}
              {' · '}
              {formatReadingTime(shownDoc.wordCount)}
            </p>
          </header>
          <div className={aside ? 'reader-layout with-aside' : 'reader-layout'}>
            <DocumentBody doc={shownDoc} paragraphCount={paragraphCount} decorations={shown} bodyRef={bodyRef} onClick={onBodyClick} onKeyDown={onBodyKeyDown} pages={pages} repeats={repeats} revealRef={revealRef} />
            {openLink && <LinkPopover key={openLink.anchor.dataset.linkStart} href={openLink.href} anchor={openLink.anchor} onClose={closeLink} />}
            {aside && (
              <aside id={asideId} className={asideOpen ? 'reader-aside open' : 'reader-aside'} aria-label="Notes and bookmarks" onKeyDown={onAsideKeyDown}>
                <button type="button" className="link-button aside-close" onClick={closeAside}>
                  Close the panel
                </button>
                {aside}
              </aside>
            )}
            {keyboard.active && (
              <p className="keyboard-selection-hint" role="status">
                Selecting with the keyboard: arrows move, Shift+arrows select, Ctrl for words. {selectKeys.toggle} or {selectKeys.stop} stops.
              </p>
            )}
          </div>
          {typeof footer === 'function' ? footer(pageActions) : footer}
        </>
      )}
    </article>
  );
}
