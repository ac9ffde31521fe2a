import { strToU8, zipSync, type Zippable } from 'fflate';
import type { CodingExportData } from './coding-export-data';
import { projectQde, sourceGuid } from './project-qde';

/** A REFI-QDA project (.qdpx): project.qde and sources/<guid>.txt, the plain text of each coded document (UTF-8). */
export function projectQdpx(data: CodingExportData): Uint8Array {
  const files: Zippable = { 'project.qde': strToU8(projectQde(data)) };
  const sources: Zippable = {};
  for (const doc of data.documents) sources[`${sourceGuid(doc.id)}.txt`] = strToU8(doc.text);
  if (data.documents.length) files.sources = sources;
  return zipSync(files, { level: 6, mtime: new Date('2000-01-01T00:00:00Z') });
}
