import { csvDocument } from '../../exports/csv';
import type { CodingExportData } from './coding-export-data';

const HEADER = ['document', 'document_title', 'start', 'end', 'text', 'code', 'code_path', 'passage_note', 'coded_at'];

/** One row per coded passage and code; offsets in UTF-16 code units, as Carrel's other exports. Cells never run as formulas. */
export function codingCsv(data: CodingExportData): string {
  const byId = new Map(data.codes.map((c) => [c.id, c]));
  const pathOf = (id: string): string => {
    const names: string[] = [];
    for (let code = byId.get(id); code && names.length < 100; code = code.parentId ? byId.get(code.parentId) : undefined) names.unshift(code.name);
    return names.join(' / ');
  };
  const titles = new Map(data.documents.map((d) => [d.id, d.title]));
  const rows = data.passages.flatMap((p) =>
    p.codeIds
      .filter((id) => byId.has(id))
      .map((id) => [p.documentId, titles.get(p.documentId) ?? '', String(p.start), String(p.end), p.quote, byId.get(id)!.name, pathOf(id), p.note, p.createdAt]),
  );
  return csvDocument(HEADER, rows);
}
