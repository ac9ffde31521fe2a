import type { CorpusBuildStatus } from '@common/corpus/corpus-choice-types';

const numberFormat = new Intl.NumberFormat('en');

export function formatMegabytes(bytes: number): string {
  return bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

const HEADINGS: Record<CorpusBuildStatus['state'], string> = {
  running: 'Building',
  done: 'Built',
  failed: 'Could not build',
  cancelled: 'Cancelled building',
};

export function buildHeading(status: CorpusBuildStatus): string {
  return HEADINGS[status.state];
}

/** How far a build is, 0..1: reading counts for the bytes read, indexing for the documents indexed. */
export function buildFraction(status: CorpusBuildStatus): number {
  if (status.state === 'done') return 1;
  // Indexing takes about as long as reading (measured on GCIDE): each is half the bar.
  const reading = status.totalBytes > 0 ? status.bytes / status.totalBytes : status.total > 0 ? status.done / status.total : 0;
  if (status.phase === 'reading') return Math.min(reading, 1) * 0.5;
  if (status.phase === 'indexing') return 0.5 + (status.documents > 0 ? status.indexed / status.documents : 0) * 0.45;
  return 0.95;
}

/** The line under the progress bar: files, size, speed and time left, in words. */
export function buildFigures(status: CorpusBuildStatus): string {
  const seconds = status.elapsedMs / 1000;
  const rate = seconds > 0 ? status.bytes / 1024 / 1024 / seconds : 0;
  const files = `${numberFormat.format(status.done)} of ${numberFormat.format(status.total)} files`;
  if (status.phase === 'reading') {
    const left = status.bytes > 0 && status.totalBytes > status.bytes ? ((status.totalBytes - status.bytes) * seconds) / status.bytes : undefined;
    const eta = left === undefined ? '' : `, about ${Math.ceil(left)} s of reading left`;
    return `Reading: ${files}, ${formatMegabytes(status.bytes)} of ${formatMegabytes(status.totalBytes)} at ${rate.toFixed(1)} MB/s${eta}.`;
  }
  if (status.phase === 'indexing') {
    return `Indexing: ${numberFormat.format(status.indexed)} of ${numberFormat.format(status.documents)} documents (${files} read).`;
  }
  return `Writing the corpus file (${numberFormat.format(status.documents)} documents).`;
}
