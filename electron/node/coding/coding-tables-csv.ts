import type { CodingMatrix } from '../../common/coding/coding-types';
import { csvDocument } from '../exports/csv';
import type { CodeRecord } from '../user-store/queries/code-queries';

/** A code's place in the tree, "Parent / Child", as the coding CSV writes it. */
export function codePaths(codes: readonly CodeRecord[]): Map<string, string> {
  const byId = new Map(codes.map((c) => [c.id, c]));
  const paths = new Map<string, string>();
  for (const code of codes) {
    const names: string[] = [];
    for (let c: CodeRecord | undefined = code; c && names.length < 100; c = c.parentId ? byId.get(c.parentId) : undefined) names.unshift(c.name);
    paths.set(code.id, names.join(' / '));
  }
  return paths;
}

/**
 * The code × document matrix: one row per code (in codebook order), one column per document
 * (its title), the number of passages coded with that code in it; a total per row.
 */
export function matrixCsv(codes: readonly CodeRecord[], matrix: CodingMatrix): string {
  const paths = codePaths(codes);
  const count = new Map(matrix.counts.map((c) => [`${c.codeId}\n${c.documentId}`, c.count]));
  const rows = codes.map((code) => {
    const cells = matrix.documents.map((d) => count.get(`${code.id}\n${d.id}`) ?? 0);
    return [paths.get(code.id)!, ...cells.map(String), String(cells.reduce((a, b) => a + b, 0))];
  });
  return csvDocument(['code', ...matrix.documents.map((d) => d.title || d.id), 'total'], rows);
}

/** Pairs of codes on the same passages: both codes' paths and how many passages carry both. */
export function cooccurrenceCsv(codes: readonly CodeRecord[], matrix: CodingMatrix): string {
  const paths = codePaths(codes);
  const rows = matrix.cooccurrence
    .filter((p) => paths.has(p.a) && paths.has(p.b))
    .map((p) => [paths.get(p.a)!, paths.get(p.b)!, String(p.count)])
    .sort((x, y) => Number(y[2]) - Number(x[2]) || x[0]!.localeCompare(y[0]!) || x[1]!.localeCompare(y[1]!));
  return csvDocument(['code_a', 'code_b', 'passages'], rows);
}
