import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { DocumentView } from '@common/corpus/corpus-types';
import { trapTab } from '../../shared/commands/trap-tab';
import { openOriginal, type OpenedOriginal } from './original-cache';
import { physicalPageOf } from './original-pages';
import { passageRuns, runBoxes, type TextRun } from './passage-boxes';
import './original-page.css';

type Props = {
  doc: DocumentView;
  /** The paragraph being read: its page opens, with its text marked. */
  paragraph: number;
  onClose: () => void;
};

const ZOOMS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3] as const;
const DEFAULT_ZOOM = 2;
/** Widest a page is drawn at 100 % (CSS px): the dialog's width, at most this. */
const MAX_FIT_WIDTH = 900;

type Opened = OpenedOriginal & { start: number };
type Load = { status: 'loading' } | { status: 'error'; message: string } | ({ status: 'ready' } & Opened);
type Drawn = { page: number; zoom: number; marked: 'yes' | 'no' | 'not-here'; ms: number } | { page: number; zoom: number; error: string };

/** The document's original (opened once per document read: original-cache.ts), and the paragraph's page. */
function useOriginal(doc: DocumentView, paragraph: number): Load {
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  useEffect(() => {
    let gone = false;
    openOriginal(doc).then(
      (opened) => !gone && setLoad({ status: 'ready', ...opened, start: physicalPageOf(doc.paragraphs, paragraph, opened.labels) }),
      (error: Error) => !gone && setLoad({ status: 'error', message: error.message }),
    );
    return () => {
      gone = true;
    };
  }, [doc, paragraph]);
  return load;
}

/**
 * "Show original" (O): the page being read as the PDF draws it, by pdf.js onto a canvas, with the
 * passage in view marked on a second canvas above it (boxes from the page's text positions). Pages
 * turn with Page Up/Down or the arrows, zoom with + and −, Esc closes; everything is a labelled
 * button too. Nothing but canvases is drawn: pdf.js's text and annotation layers (which set inline
 * styles) are not used.
 */
export function OriginalPage({ doc, paragraph, onClose }: Props) {
  const load = useOriginal(doc, paragraph);
  const titleId = useId();
  const statusId = useId();
  const closeRef = useRef<HTMLButtonElement>(null);
  const pageRef = useRef<HTMLCanvasElement>(null);
  const markRef = useRef<HTMLCanvasElement>(null);
  const frameRef = useRef<HTMLDivElement>(null);
  const [turned, setTurned] = useState<number | undefined>(undefined);
  const [zoom, setZoom] = useState<number>(DEFAULT_ZOOM);
  const [drawn, setDrawn] = useState<Drawn | undefined>(undefined);
  const ready = load.status === 'ready' ? load : undefined;
  const page = turned ?? ready?.start ?? 0;
  const pageCount = ready?.pdf.numPages ?? 0;
  const p = doc.paragraphs[paragraph];
  const passage = p ? doc.text.slice(p.start, p.end) : '';

  const dialogRef = useRef<HTMLDivElement>(null);
  useEffect(() => closeRef.current?.focus(), []);
  // A button that goes away or turns disabled (Back to page…, Next page on the last) would drop
  // focus to the page behind: it goes to the page's frame instead, so the dialog's keys still work.
  useEffect(() => {
    if (dialogRef.current && !dialogRef.current.contains(document.activeElement)) frameRef.current?.focus({ preventScroll: true });
  });

  useEffect(() => {
    if (!ready) return;
    const canvas = pageRef.current;
    const mark = markRef.current;
    if (!canvas || !mark) return;
    let cancelled = false;
    let task: { cancel(): void } | undefined;
    const started = performance.now();
    void (async () => {
      try {
        const pdfPage = await ready.pdf.getPage(page + 1);
        performance.mark('carrel:original-page');
        if (cancelled) return;
        const natural = pdfPage.getViewport({ scale: 1 });
        const fit = Math.min(MAX_FIT_WIDTH, frameRef.current?.clientWidth ?? MAX_FIT_WIDTH) / natural.width;
        const ratio = window.devicePixelRatio || 1;
        const scale = fit * ZOOMS[zoom]!;
        const viewport = pdfPage.getViewport({ scale: scale * ratio });
        for (const c of [canvas, mark]) {
          c.width = Math.floor(viewport.width);
          c.height = Math.floor(viewport.height);
          // CSS size through the CSSOM (no style attribute): drawn at device pixels, shown at CSS pixels.
          c.style.width = `${Math.floor(viewport.width / ratio)}px`;
          c.style.height = `${Math.floor(viewport.height / ratio)}px`;
        }
        const render = pdfPage.render({ canvas, viewport });
        task = render;
        await render.promise;
        performance.mark('carrel:original-rendered');
        if (cancelled) return;
        const context = mark.getContext('2d')!;
        context.clearRect(0, 0, mark.width, mark.height);
        let marked: 'yes' | 'no' | 'not-here' = 'not-here';
        if (page === ready.start && passage) {
          const { Util } = await import('pdfjs-dist');
          const content = await pdfPage.getTextContent();
          if (cancelled) return;
          const runs: TextRun[] = content.items.flatMap((item) => ('str' in item ? [item] : []));
          const span = passageRuns(runs, passage);
          marked = span ? 'yes' : 'no';
          if (span) {
            const boxes = runBoxes(runs, span, viewport.transform, viewport.scale, Util.transform);
            const pad = 3 * ratio;
            context.fillStyle = 'rgba(255, 196, 0, 0.32)';
            context.strokeStyle = 'rgba(196, 112, 0, 0.9)';
            context.lineWidth = 2 * ratio;
            for (const b of boxes) context.fillRect(b.x - pad, b.y - pad, b.width + 2 * pad, b.height + 2 * pad);
            // A bar in the margin beside the whole passage, seen at a glance.
            const top = Math.min(...boxes.map((b) => b.y)) - pad;
            const bottom = Math.max(...boxes.map((b) => b.y + b.height)) + pad;
            const left = Math.min(...boxes.map((b) => b.x)) - 8 * ratio;
            context.fillStyle = 'rgba(196, 112, 0, 0.9)';
            context.fillRect(Math.max(0, left - 4 * ratio), top, 4 * ratio, bottom - top);
          }
        }
        pdfPage.cleanup();
        setDrawn({ page, zoom, marked, ms: performance.now() - started });
      } catch (error) {
        if (cancelled || (error as Error).name === 'RenderingCancelledException') return;
        setDrawn({ page, zoom, error: (error as Error).message });
      }
    })();
    return () => {
      cancelled = true;
      task?.cancel();
    };
  }, [ready, page, zoom, passage]);

  const turn = (to: number) => setTurned(Math.max(0, Math.min(pageCount - 1, to)));
  const zoomBy = (step: number) => setZoom((z) => Math.max(0, Math.min(ZOOMS.length - 1, z + step)));
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const onButton = event.target instanceof HTMLButtonElement;
    const keys: Record<string, () => void> = {
      Escape: onClose,
      PageDown: () => turn(page + 1),
      PageUp: () => turn(page - 1),
      ArrowRight: () => turn(page + 1),
      ArrowLeft: () => turn(page - 1),
      Home: () => turn(0),
      End: () => turn(pageCount - 1),
      '+': () => zoomBy(1),
      '=': () => zoomBy(1),
      '-': () => zoomBy(-1),
      '0': () => setZoom(DEFAULT_ZOOM),
    };
    const action = keys[event.key];
    // The reader's own keys (J, K, N…) never reach it while the page is open.
    event.stopPropagation();
    if (event.key === 'Tab') return trapTab(event);
    if (!action || event.ctrlKey || event.metaKey || event.altKey || (onButton && (event.key === 'Enter' || event.key === ' '))) return;
    event.preventDefault();
    action();
  };

  const label = ready?.labels[page];
  const here = drawn && drawn.page === page && drawn.zoom === zoom ? drawn : undefined;
  const status =
    load.status === 'loading'
      ? 'Opening the original…'
      : load.status === 'error'
        ? load.message
        : !here
          ? `Drawing page ${label}…`
          : 'error' in here
            ? `Page ${label} could not be drawn (${here.error}).`
            : here.marked === 'yes'
              ? 'The passage you were reading is marked on the page.'
              : here.marked === 'no'
                ? 'The passage you were reading could not be found in this page’s text, so it is not marked.'
                : `The passage you were reading is on page ${ready?.labels[ready.start]}.`;

  return (
    <div className="original-backdrop" onMouseDown={(event) => event.target === event.currentTarget && onClose()}>
      <div ref={dialogRef} className="original-dialog" role="dialog" aria-modal="true" aria-labelledby={titleId} aria-describedby={statusId} onKeyDown={onKeyDown}>
        <div className="original-head">
          <h2 id={titleId} className="original-title" dir="auto">
            Original{label ? `, page ${label}` : ''}
            {pageCount > 0 && <span className="original-count"> ({page + 1} of {pageCount})</span>}
          </h2>
          <div className="original-tools" role="toolbar" aria-label="Pages and zoom">
            <button type="button" className="small-button" onClick={() => turn(page - 1)} disabled={!ready || page === 0} aria-keyshortcuts="PageUp">
              ← Previous page
            </button>
            <button type="button" className="small-button" onClick={() => turn(page + 1)} disabled={!ready || page >= pageCount - 1} aria-keyshortcuts="PageDown">
              Next page →
            </button>
            {ready && page !== ready.start && (
              <button type="button" className="small-button" onClick={() => setTurned(undefined)}>
                Back to page {ready.labels[ready.start]}
              </button>
            )}
            <button type="button" className="small-button" onClick={() => zoomBy(-1)} disabled={zoom === 0} aria-label="Zoom out" aria-keyshortcuts="-">
              −
            </button>
            <span className="original-zoom" aria-live="polite">
              {Math.round(ZOOMS[zoom]! * 100)} %
            </span>
            <button type="button" className="small-button" onClick={() => zoomBy(1)} disabled={zoom === ZOOMS.length - 1} aria-label="Zoom in" aria-keyshortcuts="+">
              +
            </button>
            <button ref={closeRef} type="button" className="small-button" onClick={onClose} aria-keyshortcuts="Escape">
              Close
            </button>
          </div>
        </div>
        <p id={statusId} className={load.status === 'error' || (here && 'error' in here) ? 'original-status original-error' : 'original-status'} role="status">
          {status}
        </p>
        {/* Focusable so a page larger than the dialog scrolls by keyboard. */}
        <div className="original-frame" ref={frameRef} tabIndex={0} aria-label={`Page ${label ?? ''} of ${doc.originalFile}`}>
          {ready && (
            <div className="original-sheet">
              <canvas
                ref={pageRef}
                className="original-canvas"
                role="img"
                aria-label={`Page ${label} of ${doc.originalFile} as the PDF draws it`}
                data-drawn={here && !('error' in here) ? `${page}` : undefined}
                data-draw-ms={here && !('error' in here) ? here.ms.toFixed(1) : undefined}
              />
              <canvas ref={markRef} className="original-mark" aria-hidden="true" data-marked={here && !('error' in here) ? here.marked : undefined} />
            </div>
          )}
        </div>
      </div>
    </div>
  );
}
