/** Why the corpus builder left a file out; shown beside the file in every build summary. */
export type SkipReason =
  | 'invalid-utf8'
  | 'empty'
  | 'unsupported-type'
  | 'bad-front-matter'
  | 'too-large'
  | 'too-deep'
  | 'duplicate'
  | 'symlink'
  | 'not-a-file'
  | 'unreadable'
  | 'invalid-file-name'
  | 'parse-failed';

export const SKIP_REASON_LABELS: Record<SkipReason, string> = {
  'invalid-utf8': 'invalid UTF-8',
  empty: 'empty',
  'too-large': 'too large',
  'too-deep': 'nested too deeply',
  'unsupported-type': 'unsupported type',
  duplicate: 'duplicate of another file',
  'bad-front-matter': 'bad front matter',
  symlink: 'symbolic link',
  'not-a-file': 'not a regular file',
  unreadable: 'unreadable',
  'invalid-file-name': 'file name not valid UTF-8',
  'parse-failed': 'could not be parsed',
};
