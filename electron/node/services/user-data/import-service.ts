import fs from 'node:fs';
import path from 'node:path';
import { anchorQuote } from '../../../common/anchoring/anchor-quote';
import { buildSelectors } from '../../../common/anchoring/build-selectors';
import { snapEnd, trimSpan } from '../../../common/anchoring/text-offsets';
import type { ImportProblem, ImportReport, ImportResult } from '../../../common/exports/export-types';
import type { CarrelServices } from '../../../common/ipc/ipc-contract';
import { HIGHLIGHT_COLORS, type HighlightColor, type TextPositionSelector, type TextQuoteSelector } from '../../../common/notes/notes-types';
import { cleanTag, hasVisibleCharacter } from '../../../common/notes/user-text';
import { ImportFileError, MAX_IMPORT_BYTES, parseAnnotationFile, type ParsedAnnotation } from '../../exports/parse-annotation-file';
import { insertBookmark, listLiveBookmarksOfCorpus } from '../../user-store/queries/bookmark-queries';
import { findHighlight, insertHighlight, listLiveHighlightsOfCorpus } from '../../user-store/queries/highlight-queries';
import { findNote, insertNote, listLiveNotesOfCorpus } from '../../user-store/queries/note-queries';
import { HIGHLIGHT_TAGS, listTagsOfItems, NOTE_TAGS, setItemTags, tagKey } from '../../user-store/queries/tag-queries';
import type { FileDialogs } from '../file-dialogs';
import { ServiceError } from '../service-error';
import { currentDocuments, highlightViews } from './highlight-view';
import type { UserDataContext } from './user-data-context';

export type ImportService = Pick<CarrelServices, 'importAnnotations'>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const DOCUMENT_URN = /^urn:carrel:corpus:([^:]*):document:(.+)$/;

type Kind = 'highlight' | 'note' | 'bookmark';
/** What one annotation becomes, before anything is written. */
type Planned =
  | { kind: 'highlight'; id: string; documentId: string; sha256: string; quote: TextQuoteSelector; position: TextPositionSelector; color: HighlightColor; note: string; tags: string[]; createdAt: string; placed: boolean }
  | { kind: 'note'; id: string; documentId: string; body: string; tags: string[]; createdAt: string }
  | { kind: 'bookmark'; id: string; documentId: string; sha256: string; offset: number; context: TextQuoteSelector; label: string; createdAt: string };

const listOf = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
const shorten = (text: string) => (text.length > 80 ? `${text.slice(0, 79)}…` : text);

/** Bodies as Carrel keeps them: the comment (Markdown), the tags, a bookmark's label. */
function bodiesOf(annotation: ParsedAnnotation): { note: string; tags: string[]; label: string } {
  const notes: string[] = [];
  const tags: string[] = [];
  let label = '';
  if (annotation.bodyValue) notes.push(annotation.bodyValue);
  for (const body of listOf(annotation.body)) {
    if (typeof body === 'string' || !('value' in body) || typeof body.value !== 'string') continue;
    const purposes = listOf(body.purpose as string | string[] | undefined);
    if (purposes.includes('tagging')) {
      const tag = cleanTag(body.value).slice(0, 64);
      if (hasVisibleCharacter(tag)) tags.push(tag);
    } else if (purposes.includes('describing') && listOf(annotation.motivation).includes('bookmarking')) label = body.value.slice(0, 300);
    else notes.push(body.value);
  }
  const seen = new Set<string>();
  return { note: notes.join('\n\n').slice(0, 200_000), tags: tags.filter((t) => !seen.has(tagKey(t)) && seen.add(tagKey(t))).slice(0, 64), label };
}

const sameTags = (a: string[], b: string[]) => a.length === b.length && a.every((tag) => b.some((other) => tagKey(other) === tagKey(tag)));

/**
 * Imports W3C Web Annotations into the open corpus's notes. Nothing is ever overwritten: an
 * annotation with the same target and body as one already here is skipped; one with an id
 * already used but other content is kept as a new item beside it; one that cannot be placed in
 * its document's current text is kept as a highlight to review (when its document is known).
 * Everything is written in one transaction, or nothing (a dry run writes nothing).
 */
export function importAnnotationFile(ctx: UserDataContext, file: string, dryRun = false): ImportReport {
  let bytes: Buffer;
  try {
    const size = fs.statSync(file).size;
    if (size > MAX_IMPORT_BYTES) throw new ImportFileError(`The file is too large to import (${Math.round(size / 1048576)} MB; at most ${MAX_IMPORT_BYTES / 1048576} MB).`);
    bytes = fs.readFileSync(file);
  } catch (error) {
    if (error instanceof ImportFileError) throw new ServiceError('import-refused', `${path.basename(file)} was not imported: ${error.message}`);
    throw new ServiceError('import-refused', `${file} could not be read (${(error as NodeJS.ErrnoException).code ?? 'error'}). Nothing was imported.`);
  }
  let annotations: ParsedAnnotation[];
  try {
    annotations = parseAnnotationFile(bytes);
  } catch (error) {
    if (error instanceof ImportFileError) throw new ServiceError('import-refused', `${path.basename(file)} was not imported: ${error.message}`);
    throw error;
  }
  const { db } = ctx.store();
  const corpusId = ctx.corpusId();
  const documents = currentDocuments(ctx);
  const existingHighlights = highlightViews(ctx, listLiveHighlightsOfCorpus(db, corpusId), documents);
  const notes = listLiveNotesOfCorpus(db, corpusId);
  const noteTags = listTagsOfItems(db, NOTE_TAGS, notes.map((n) => n.id));
  const bookmarks = listLiveBookmarksOfCorpus(db, corpusId);
  const report: ImportReport = { file, imported: 0, alreadyHere: 0, keptAsNew: 0, unplaced: [], skipped: [], dryRun, summary: '' };
  const planned: Planned[] = [];
  const usedIds = new Set<string>();

  const isDuplicate = (item: Planned): boolean => {
    const all = [...planned];
    if (item.kind === 'highlight') {
      const here = existingHighlights.some(
        (h) => h.documentId === item.documentId && h.anchor.status !== 'orphaned' && item.placed && h.anchor.start === item.position.start && h.anchor.end === item.position.end && h.note === item.note && sameTags(h.tags, item.tags),
      );
      return here || all.some((p) => p.kind === 'highlight' && p.documentId === item.documentId && p.position.start === item.position.start && p.position.end === item.position.end && p.note === item.note && sameTags(p.tags, item.tags));
    }
    if (item.kind === 'note') {
      return (
        notes.some((n) => n.documentId === item.documentId && n.body === item.body && sameTags(noteTags.get(n.id) ?? [], item.tags)) ||
        all.some((p) => p.kind === 'note' && p.documentId === item.documentId && p.body === item.body)
      );
    }
    return (
      bookmarks.some((b) => b.documentId === item.documentId && b.offset === item.offset && b.label === item.label) ||
      all.some((p) => p.kind === 'bookmark' && p.documentId === item.documentId && p.offset === item.offset && p.label === item.label)
    );
  };
  const idTaken = (id: string, kind: Kind) =>
    usedIds.has(id) || (kind === 'highlight' ? findHighlight(db, corpusId, id) !== undefined : kind === 'note' ? findNote(db, corpusId, id) !== undefined : bookmarks.some((b) => b.id === id)) ||
    findHighlight(db, corpusId, id) !== undefined ||
    findNote(db, corpusId, id) !== undefined;

  annotations.forEach((annotation, index) => {
    const name = annotation.id ?? `annotation ${index + 1}`;
    const problem = (reason: string, quote = ''): ImportProblem => ({ id: name, quote: shorten(quote), reason });
    const targets = listOf(annotation.target);
    const target = targets[0]!;
    const source = typeof target === 'string' ? target : 'source' in target ? String(target.source) : undefined;
    if (source === undefined) {
      const kind = typeof target === 'object' && 'type' in target ? String(target.type) : 'resource';
      report.skipped.push(problem(`its target (${shorten(kind)}) is not a place in one text`));
      return;
    }
    const urn = source.match(DOCUMENT_URN);
    const documentId = urn ? safeDecode(urn[2]!) : undefined;
    const current = documentId ? documents(documentId) : undefined;
    type Selector = { type: string; exact?: unknown; start?: unknown };
    const selectors = (typeof target === 'object' && 'selector' in target ? listOf(target.selector as Selector | Selector[]) : []) as Selector[];
    const quoteSel = selectors.find((s): s is { type: 'TextQuoteSelector'; exact: string; prefix?: string; suffix?: string } => s.type === 'TextQuoteSelector');
    const positionSel = selectors.find((s): s is { type: 'TextPositionSelector'; start: number; end: number } => s.type === 'TextPositionSelector');
    const { note, tags, label } = bodiesOf(annotation);
    const given = (annotation.id ?? '').replace(/^urn:uuid:/, '');
    const createdAt = annotation.created && ISO_TIME.test(annotation.created) ? new Date(annotation.created).toISOString() : ctx.now();
    const motivations = listOf(annotation.motivation);
    const choose = (kind: Kind) => {
      if (UUID.test(given) && !idTaken(given, kind)) return given;
      return ctx.newId();
    };
    const conflicted = (kind: Kind) => UUID.test(given) && idTaken(given, kind);
    if (targets.length > 1) {
      report.skipped.push(problem('it has several targets; Carrel keeps one place per highlight', quoteSel?.exact));
      return;
    }
    if (!documentId) {
      report.unplaced.push(problem(`its document (${shorten(source)}) is not a document of a Carrel corpus`, quoteSel?.exact));
      return;
    }
    let item: Planned;
    if (motivations.includes('bookmarking') && positionSel) {
      if (!current) {
        report.unplaced.push(problem(`its document ${documentId} is not in the open corpus`));
        return;
      }
      const text = current.text();
      const offset = Math.min(positionSel.start, text.length);
      const context = buildSelectors(text, offset, snapEnd(text, Math.min(text.length, offset + 32))).quote;
      item = { kind: 'bookmark', id: '', documentId, sha256: current.sha256, offset, context, label, createdAt };
    } else if (!quoteSel && !positionSel) {
      if (typeof target !== 'string' && selectors.length) {
        report.skipped.push(problem('its selectors are not text quotes or positions (Carrel places text by quote and position)'));
        return;
      }
      if (!note.trim()) {
        report.skipped.push(problem('it has no text to keep: neither a place in the text nor a note'));
        return;
      }
      item = { kind: 'note', id: '', documentId, body: note, tags, createdAt };
    } else {
      const color = colorOf(typeof target === 'object' && 'styleClass' in target ? (target.styleClass as string | undefined) : undefined);
      if (!current) {
        report.unplaced.push(problem(`its document ${documentId} is not in the open corpus`, quoteSel?.exact));
        return;
      }
      const text = current.text();
      const place = placeOf(text, quoteSel, positionSel);
      if (place) {
        const selectors2 = buildSelectors(text, place.start, place.end);
        item = { kind: 'highlight', id: '', documentId, sha256: current.sha256, ...selectors2, color, note, tags, createdAt, placed: true };
      } else if (quoteSel) {
        // Kept as it came, to review: its document text differs, so the reader re-anchors it and lists it for the user.
        const position = positionSel && positionSel.end > positionSel.start ? positionSel : { start: 0, end: quoteSel.exact.length };
        item = {
          kind: 'highlight',
          id: '',
          documentId,
          sha256: `imported:${current.sha256 === (target as { 'carrel:documentSha256'?: string })['carrel:documentSha256'] ? 'changed' : 'unknown'}`,
          quote: { type: 'TextQuoteSelector', exact: quoteSel.exact, prefix: quoteSel.prefix ?? '', suffix: quoteSel.suffix ?? '' },
          position: { type: 'TextPositionSelector', start: position.start, end: position.end },
          color,
          note,
          tags,
          createdAt,
          placed: false,
        };
        report.unplaced.push(problem('its quote is not in the current text of its document; it is kept in the list of highlights to review', quoteSel.exact));
      } else {
        report.unplaced.push(problem('its position is outside its document and it has no quote to find it by'));
        return;
      }
    }
    if (isDuplicate(item)) {
      report.alreadyHere++;
      if (item.kind === 'highlight' && !item.placed) report.unplaced.pop();
      return;
    }
    if (conflicted(item.kind)) report.keptAsNew++;
    else if (item.kind !== 'highlight' || item.placed) report.imported++;
    item.id = choose(item.kind);
    usedIds.add(item.id);
    planned.push(item);
  });

  if (!dryRun && planned.length) {
    ctx.store().write(() => {
      for (const item of planned) {
        if (item.kind === 'highlight') {
          insertHighlight(db, { id: item.id, corpusId, documentId: item.documentId, documentSha256: item.sha256, quote: item.quote, position: item.position, color: item.color, note: item.note, createdAt: item.createdAt });
          setItemTags(db, HIGHLIGHT_TAGS, item.id, item.tags);
        } else if (item.kind === 'note') {
          insertNote(db, { id: item.id, corpusId, documentId: item.documentId, body: item.body, createdAt: item.createdAt });
          setItemTags(db, NOTE_TAGS, item.id, item.tags);
        } else {
          insertBookmark(db, {
            id: item.id,
            corpusId,
            documentId: item.documentId,
            documentSha256: item.sha256,
            offset: item.offset,
            context: item.context,
            label: item.label,
            createdAt: item.createdAt,
          });
        }
      }
    });
  }
  report.summary = importSummary(report);
  return report;
}

function safeDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

function colorOf(styleClass: string | undefined): HighlightColor {
  const name = styleClass?.match(/^carrel-(\w+)$/)?.[1];
  return (HIGHLIGHT_COLORS as readonly string[]).includes(name ?? '') ? (name as HighlightColor) : 'yellow';
}

/** The span in the current text, found the way the reader re-anchors a highlight (quote first, with its context and position). */
function placeOf(
  text: string,
  quote: { exact: string; prefix?: string; suffix?: string } | undefined,
  position: { start: number; end: number } | undefined,
): { start: number; end: number } | undefined {
  if (quote) {
    const result = anchorQuote(
      text,
      { type: 'TextQuoteSelector', exact: quote.exact, prefix: quote.prefix ?? '', suffix: quote.suffix ?? '' },
      { type: 'TextPositionSelector', start: position?.start ?? 0, end: position?.end ?? quote.exact.length },
    );
    return result.status === 'orphaned' ? undefined : { start: result.start, end: result.end };
  }
  if (!position || position.end > text.length || position.end <= position.start) return undefined;
  const span = trimSpan(text, position.start, position.end);
  return span.end > span.start ? span : undefined;
}

export function importSummary(report: Pick<ImportReport, 'imported' | 'alreadyHere' | 'keptAsNew' | 'unplaced' | 'skipped' | 'dryRun'>): string {
  const parts = [`${report.imported} imported`, `${report.alreadyHere} already here`];
  if (report.keptAsNew) parts.push(`${report.keptAsNew} kept as new (an item with the same id but other content is here, left as it was)`);
  if (report.unplaced.length) {
    const reasons = [...new Set(report.unplaced.map((p) => p.reason))];
    parts.push(`${report.unplaced.length} could not be placed (${reasons.slice(0, 2).join('; ')}${reasons.length > 2 ? '; …' : ''})`);
  }
  if (report.skipped.length) parts.push(`${report.skipped.length} skipped (${[...new Set(report.skipped.map((p) => p.reason))].slice(0, 2).join('; ')})`);
  return `${report.dryRun ? 'Dry run, nothing changed: ' : ''}${parts.join(', ')}.`;
}

export function createImportService(ctx: UserDataContext, deps: { dialogs?: FileDialogs }): ImportService {
  return {
    async importAnnotations({ dryRun }): Promise<ImportResult> {
      if (!deps.dialogs) throw new ServiceError('unavailable', 'Importing needs the Carrel app window; use "npx carrel notes import".');
      const file = await deps.dialogs.chooseOpenFile({
        title: 'Import W3C Web Annotations',
        filters: [{ name: 'W3C Web Annotations (JSON-LD)', extensions: ['jsonld', 'json'] }],
      });
      if (!file) return { status: 'cancelled' };
      return { status: 'imported', ...importAnnotationFile(ctx, file, dryRun ?? false) };
    },
  };
}
