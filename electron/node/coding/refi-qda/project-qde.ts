import type { CodingExportData } from './coding-export-data';
import { codeGuid, codesXml, memoGuid } from './codebook-xml';
import { codePointOffset } from './code-points';
import { refiGuid } from './guid';
import { xmlAttr, xmlText } from './xml-text';

export const sourceGuid = (documentId: string) => refiGuid('document', documentId);
export const USER_GUID = refiGuid('user', 'carrel');

/** The project.qde of a .qdpx: the user, the codebook, each coded document as a TextSource with its coded selections, the memos as notes. */
export function projectQde(data: CodingExportData): string {
  const codeGuidOf = (id: string) => data.guids?.codes.get(id) ?? codeGuid(id);
  const passageGuidOf = (id: string) => data.guids?.passages.get(id) ?? refiGuid('passage', id);
  const user = `creatingUser="${USER_GUID}"`;
  const lines: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  lines.push(`<Project xmlns="urn:QDA-XML:project:1.0" name="${xmlAttr(data.projectName || 'Carrel')}" origin="Carrel" creatingUserGUID="${USER_GUID}" creationDateTime="${data.exportedAt}">`);
  lines.push('  <Users>', `    <User guid="${USER_GUID}" name="Carrel"/>`, '  </Users>');
  const live = new Set(data.codes.map((c) => c.id));
  if (data.codes.length) lines.push('  <CodeBook>', codesXml(data.codes, true, '    ', codeGuidOf), '  </CodeBook>');
  if (data.documents.length) {
    lines.push('  <Sources>');
    for (const doc of data.documents) {
      const guid = sourceGuid(doc.id);
      lines.push(`    <TextSource guid="${guid}" name="${xmlAttr(doc.title || doc.id)}" plainTextPath="internal://${guid}.txt">`);
      for (const passage of data.passages.filter((p) => p.documentId === doc.id)) {
        const start = codePointOffset(doc.text, passage.start);
        const end = codePointOffset(doc.text, passage.end);
        lines.push(`      <PlainTextSelection guid="${passageGuidOf(passage.highlightId)}" name="${xmlAttr([...passage.quote].slice(0, 80).join(''))}" startPosition="${start}" endPosition="${end}" ${user} creationDateTime="${passage.createdAt}">`);
        if (passage.note) lines.push(`        <Description>${xmlText(passage.note)}</Description>`);
        for (const [index, codeId] of passage.codeIds.entries()) {
          if (!live.has(codeId)) continue;
          const codedAt = passage.codedAt?.[index];
          // Derived from the selection's and the code's GUIDs, so an export of an import gives the same one.
          lines.push(`        <Coding guid="${refiGuid('coding', `${passageGuidOf(passage.highlightId)}:${codeGuidOf(codeId)}`)}" ${user}${codedAt ? ` creationDateTime="${codedAt}"` : ''}>`, `          <CodeRef targetGUID="${codeGuidOf(codeId)}"/>`, '        </Coding>');
        }
        lines.push('      </PlainTextSelection>');
      }
      lines.push('    </TextSource>');
    }
    lines.push('  </Sources>');
  }
  const memos = data.codes.filter((c) => c.memo);
  if (memos.length) {
    lines.push('  <Notes>');
    for (const code of memos) {
      lines.push(`    <Note guid="${memoGuid(codeGuidOf(code.id))}" name="${xmlAttr(`Memo: ${code.name}`)}" ${user} creationDateTime="${code.updatedAt}">`, `      <PlainTextContent>${xmlText(code.memo)}</PlainTextContent>`, '    </Note>');
    }
    lines.push('  </Notes>');
  }
  lines.push('</Project>', '');
  return lines.join('\n');
}
