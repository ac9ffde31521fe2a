import type { Code } from '@common/coding/coding-types';

/** One row of the codebook tree as shown: the code, how deep it sits, whether it has sub-codes. */
export type TreeRow = { code: Code; depth: number; hasChildren: boolean; path: string };

/**
 * The codebook (parents before children, siblings in order) as rows in tree order, skipping
 * the sub-codes of collapsed codes. A code whose parent is missing shows at the top.
 */
export function treeRows(codes: readonly Code[], collapsed: ReadonlySet<string> = new Set()): TreeRow[] {
  const ids = new Set(codes.map((c) => c.id));
  const children = new Map<string | null, Code[]>();
  for (const code of codes) {
    const parent = code.parentId && ids.has(code.parentId) ? code.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), code]);
  }
  const rows: TreeRow[] = [];
  const seen = new Set<string>();
  const walk = (parent: string | null, depth: number, prefix: string) => {
    for (const code of children.get(parent) ?? []) {
      if (seen.has(code.id)) continue;
      seen.add(code.id);
      const path = prefix ? `${prefix} / ${code.name}` : code.name;
      const hasChildren = (children.get(code.id) ?? []).length > 0;
      rows.push({ code, depth, hasChildren, path });
      if (hasChildren && !collapsed.has(code.id)) walk(code.id, depth + 1, path);
    }
  };
  walk(null, 0, '');
  return rows;
}

/** A code and every code under it. */
export function subtree(codes: readonly Code[], id: string): Set<string> {
  const out = new Set<string>([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const c of codes) {
      if (c.parentId && out.has(c.parentId) && !out.has(c.id)) {
        out.add(c.id);
        grew = true;
      }
    }
  }
  return out;
}

/** Each code's path in the tree ("Parent / Child"), for labels and the palette's filter. */
export function codePaths(codes: readonly Code[]): Map<string, string> {
  return new Map(treeRows(codes).map((row) => [row.code.id, row.path]));
}

/** Codes whose path holds every word typed (any case, any order), in tree order. */
export function filterCodes(codes: readonly Code[], query: string): TreeRow[] {
  const words = query.toLocaleLowerCase().split(/\s+/u).filter(Boolean);
  return treeRows(codes).filter((row) => words.every((w) => row.path.toLocaleLowerCase().includes(w)));
}
