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
  | 'parse-failed'
  | 'encrypted'
  | 'no-text-layer'
  | 'malformed'
  | 'corrupt-archive'
  | 'unsafe-archive'
  | 'too-many-entries'
  | 'xml-entities'
  | 'timeout';

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
  encrypted: 'password-protected',
  'no-text-layer': 'no text layer (scanned)',
  malformed: 'damaged or malformed',
  'corrupt-archive': 'corrupt archive',
  'unsafe-archive': 'unsafe archive entry',
  'too-many-entries': 'too many entries or pages',
  'xml-entities': 'XML with entity declarations',
  timeout: 'took too long to read',
};
