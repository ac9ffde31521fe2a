import type { CodeRecord } from '../../user-store/queries/code-queries';
import { refiGuid } from './guid';
import { xmlAttr, xmlText } from './xml-text';

export const codeGuid = (id: string) => refiGuid('code', id);
/** The GUID of a code in an export: the one it came with from a REFI-QDA import, else derived from its id. */
export type CodeGuidOf = (id: string) => string;
/** A code memo's Note: derived from its code's GUID, so an export of an import gives the same one. */
export const memoGuid = (codeGuidOfCode: string) => refiGuid('code-memo', codeGuidOfCode);

/**
 * The <Codes> tree of a codebook. A code's description is its <Description>; its memo, in a
 * project, is a Note the code points to (`withMemoRefs`), since a codebook file has no notes.
 */
export function codesXml(codes: readonly CodeRecord[], withMemoRefs: boolean, indent = '  ', guidOf: CodeGuidOf = codeGuid): string {
  const children = new Map<string | null, CodeRecord[]>();
  for (const code of codes) children.set(code.parentId, [...(children.get(code.parentId) ?? []), code]);
  const write = (code: CodeRecord, pad: string): string => {
    const attrs = `guid="${guidOf(code.id)}" name="${xmlAttr(code.name)}" isCodable="true"${code.color ? ` color="${code.color}"` : ''}`;
    const inner = [
      code.description ? `${pad}  <Description>${xmlText(code.description)}</Description>` : '',
      withMemoRefs && code.memo ? `${pad}  <NoteRef targetGUID="${memoGuid(guidOf(code.id))}"/>` : '',
      ...(children.get(code.id) ?? []).map((child) => write(child, `${pad}  `)),
    ].filter(Boolean);
    return inner.length ? `${pad}<Code ${attrs}>\n${inner.join('\n')}\n${pad}</Code>` : `${pad}<Code ${attrs}/>`;
  };
  const top = children.get(null) ?? [];
  return `${indent}<Codes>\n${top.map((code) => write(code, `${indent}  `)).join('\n')}\n${indent}</Codes>`;
}

/** A REFI-QDA codebook file (.qdc). */
export function codebookQdc(codes: readonly CodeRecord[], guidOf: CodeGuidOf = codeGuid): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<CodeBook xmlns="urn:QDA-XML:codebook:1.0">\n${codesXml(codes, false, '  ', guidOf)}\n</CodeBook>\n`;
}
