import { DEFAULT_LIBRARY_VIEW, type LibraryPage, type LibraryPageRequest } from '@common/corpus/library-types';
import type { Result } from '@common/result';
import { callApi } from '../../shared/data/call-api';

/** Rows per request: about 20 KB of JSON, a few screens of rows. */
export const LIBRARY_PAGE_SIZE = 200;

/** The request of the library's first page in the default view (what the window shows at start). */
export const FIRST_PAGE: LibraryPageRequest = { offset: 0, limit: LIBRARY_PAGE_SIZE, view: DEFAULT_LIBRARY_VIEW };

let early: Promise<Result<LibraryPage>> | undefined;

/**
 * Asks for the library's first page as the script starts, before React's first render: the
 * answer comes while the window renders and learns whether the notes are open (one round trip
 * each), instead of after them.
 */
export function askFirstPageEarly(): void {
  early = callApi('listLibraryPage', FIRST_PAGE);
}

/**
 * The page asked for early, once, if `request` is the same one; otherwise undefined (ask then).
 * It describes the notes and corpus as they were at start: dropEarlyFirstPage() when they may
 * have changed since.
 */
export function takeEarlyFirstPage(request: LibraryPageRequest): Promise<Result<LibraryPage>> | undefined {
  const page = early;
  early = undefined;
  return page && JSON.stringify(request) === JSON.stringify(FIRST_PAGE) ? page : undefined;
}

/** Forgets the page asked for early (the notes were locked, another view or corpus came first). */
export function dropEarlyFirstPage(): void {
  early = undefined;
}
