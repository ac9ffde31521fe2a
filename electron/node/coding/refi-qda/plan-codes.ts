import type { RefiImportReport } from '../../../common/coding/refi-import-report';
import type { CodeRecord } from '../../user-store/queries/code-queries';
import { refiGuid } from './guid';
import { guidKey, type RefiCode } from './read-refi-project';

const MAX_NAME = 200;
const MAX_TEXT = 20_000;

export type NewImportedCode = { id: string; parentId: string | null; name: string; color: string; description: string; memo: string; guid: string };
export type CodeFill = { id: string; color?: string; description?: string; memo?: string };
export type CodePlan = {
  newCodes: NewImportedCode[];
  fills: CodeFill[];
  /** Carrel code id of each imported GUID (guidKey), new or matched. */
  idOfGuid: Map<string, string>;
  report: RefiImportReport['codes'];
};

const cleanName = (name: string) => name.normalize('NFC').replace(/\s+/gu, ' ').trim();
const bounded = (text: string) => (text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text);

/**
 * What importing a codebook does to the codebook here. A code is the same as one here when it has
 * its GUID (one it came with before, or the one Carrel's export derives from its id), else when
 * it has the same names from the top of the tree; a code here is never renamed, moved or
 * overwritten, only an empty colour, description or memo is filled in. New codes go under their
 * parent's match. A code with no usable name is left out with its sub-codes, and said.
 */
export function planCodes(
  imported: readonly RefiCode[],
  existing: readonly CodeRecord[],
  storedGuids: ReadonlyMap<string, string>,
  memoOf: (code: RefiCode) => string,
  newId: () => string,
): CodePlan {
  const byGuid = new Map<string, CodeRecord | NewImportedCode>();
  const byPath = new Map<string, CodeRecord | NewImportedCode>();
  const byId = new Map(existing.map((c) => [c.id, c]));
  const pathOf = (code: CodeRecord): string => {
    const names: string[] = [];
    for (let c: CodeRecord | undefined = code; c && names.length < 200; c = c.parentId ? byId.get(c.parentId) : undefined) names.unshift(c.name);
    return names.join('\u0000');
  };
  for (const code of existing) {
    byGuid.set(guidKey(refiGuid('code', code.id)), code);
    const stored = storedGuids.get(code.id);
    if (stored) byGuid.set(guidKey(stored), code);
    if (!byPath.has(pathOf(code))) byPath.set(pathOf(code), code);
  }
  const plan: CodePlan = { newCodes: [], fills: [], idOfGuid: new Map(), report: { added: 0, matched: 0, skipped: [] } };
  const fills = new Map<string, CodeFill>();
  const countAll = (codes: readonly RefiCode[]): number => codes.reduce((n, c) => n + 1 + countAll(c.children), 0);
  const walk = (codes: readonly RefiCode[], parentId: string | null, parentPath: string) => {
    for (const code of codes) {
      const name = cleanName(code.name);
      const reason = code.problem ?? (!name ? 'it has no name' : name.length > MAX_NAME ? `its name is longer than ${MAX_NAME} characters` : undefined);
      if (reason) {
        const under = countAll(code.children);
        plan.report.skipped.push({ name: code.name.slice(0, 80) || code.guid, reason: under ? `${reason} (left out with its ${under} sub-code${under === 1 ? '' : 's'})` : reason });
        continue;
      }
      const path = parentPath ? `${parentPath}\u0000${name}` : name;
      const memo = bounded(memoOf(code));
      const description = bounded(code.description);
      const match = byGuid.get(guidKey(code.guid)) ?? byPath.get(path);
      if (match) {
        plan.report.matched++;
        plan.idOfGuid.set(guidKey(code.guid), match.id);
        if ('corpusId' in match) {
          const fill = fills.get(match.id) ?? { id: match.id };
          if (!match.color && code.color && !fill.color) fill.color = code.color;
          if (!match.description && description && !fill.description) fill.description = description;
          if (!match.memo && memo && !fill.memo) fill.memo = memo;
          if (Object.keys(fill).length > 1) fills.set(match.id, fill);
        }
        walk(code.children, match.id, 'corpusId' in match ? pathOf(match) : path);
        continue;
      }
      const created: NewImportedCode = { id: newId(), parentId, name, color: code.color, description, memo, guid: code.guid };
      plan.newCodes.push(created);
      plan.report.added++;
      byGuid.set(guidKey(code.guid), created);
      byPath.set(path, created);
      plan.idOfGuid.set(guidKey(code.guid), created.id);
      walk(code.children, created.id, path);
    }
  };
  walk(imported, null, '');
  plan.fills = [...fills.values()];
  return plan;
}
