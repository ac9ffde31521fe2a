import type { DocumentStart, DocumentView } from '@common/corpus/corpus-types';
import { useApiQuery, type AsyncState } from './use-api-query';

/** Paragraphs of the start of a document the reader shows first: a few screens. One key for every caller. */
export const DOCUMENT_START_PARAGRAPHS = 200;

/** The start of a document (all of a short one): a few KB, the first thing the reader asks for. */
export function useDocumentStart(id: string): AsyncState<DocumentStart> {
  return useApiQuery('getDocumentStart', { id, paragraphs: DOCUMENT_START_PARAGRAPHS }).state;
}

/**
 * A document as a whole. Its start is asked for first and, when that was all of it (an article),
 * is the answer; a longer document (a book: megabytes) is asked for once its start is here, so
 * the start is never held behind it (corpus reads answer one at a time, and a large answer takes
 * the renderer's thread while it arrives). Every caller shares the two cached answers.
 */
export function useWholeDocument(id: string): AsyncState<DocumentView> {
  const start = useDocumentStart(id);
  const complete = start.status === 'ready' && start.value.complete;
  const whole = useApiQuery('getDocument', { id }, { enabled: start.status !== 'loading' && !complete }).state;
  return complete ? start : whole;
}
