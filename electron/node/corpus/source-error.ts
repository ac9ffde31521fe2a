import type { SkipReason } from '../../common/corpus/skip-reasons';

/** A source file the builder cannot use, with the reason shown beside it in the build summary. */
export class SourceError extends Error {
  constructor(
    readonly reason: SkipReason,
    message: string,
  ) {
    super(message);
  }
}
