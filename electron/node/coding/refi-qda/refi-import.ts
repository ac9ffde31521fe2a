import fs from 'node:fs';
import path from 'node:path';
import { highlightColorOfCode } from '../../../common/coding/code-highlight-color';
import type { RefiImportReport } from '../../../common/coding/refi-import-report';
import { ServiceError } from '../../services/service-error';
import { highlightViews, currentDocuments } from '../../services/user-data/highlight-view';
import type { UserDataContext } from '../../services/user-data/user-data-context';
import { insertCode, listCodes, updateCode } from '../../user-store/queries/code-queries';
import { insertCoding, listCodings } from '../../user-store/queries/coding-queries';
import { insertHighlight, listLiveHighlightsOfCorpus } from '../../user-store/queries/highlight-queries';
import { codeRefiGuids, highlightRefiGuids, setCodeRefiGuid, setHighlightRefiGuid } from '../../user-store/queries/refi-guid-queries';
import { planCodes, type CodePlan } from './plan-codes';
import { planPassages, type PassagePlan } from './plan-passages';
import { readQdpxEntries } from './qdpx-archive';
import { guidKey, readRefiCodebook, readRefiProject, type RefiCode, type RefiProject } from './read-refi-project';
import { schemaRefusal, validateRefiXml } from './refi-schema';
import { RefiImportError } from './refi-xml';

/** Largest .qdpx read (its PDFs, pictures and videos come along; only project.qde and the .txt sources are inflated). */
export const MAX_QDPX_FILE = 512 * 1024 * 1024;
/** Largest .qdc read. */
export const MAX_QDC_FILE = 64 * 1024 * 1024;

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function decode(bytes: Uint8Array, what: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new RefiImportError(`${what} is not UTF-8 text (REFI-QDA files are UTF-8).`);
  }
}

type Parsed = { kind: 'codebook'; codes: RefiCode[] } | { kind: 'project'; project: RefiProject; files: Map<string, Uint8Array> };

/** Options of an import: where the REFI-QDA schemas are (resources/refi-qda, found from the code when not given). */
export type RefiImportOptions = { schemaDir?: string };

/**
 * Reads and checks the whole file before anything is written: a bad file is refused whole. The
 * guards come first (size, zip bomb, entries leaving the archive, entities, depth: refi-xml.ts,
 * qdpx-archive.ts), then Carrel's reading, then the REFI-QDA schema (refi-schema.ts), so xmllint
 * only ever sees XML already known to be plain and bounded.
 */
async function readFile(file: string, options: RefiImportOptions): Promise<Parsed> {
  let bytes: Buffer;
  try {
    const size = fs.statSync(file).size;
    if (size > MAX_QDPX_FILE) throw new RefiImportError(`It is too large (${Math.round(size / 1048576)} MB; at most ${MAX_QDPX_FILE / 1048576} MB).`);
    bytes = fs.readFileSync(file);
  } catch (error) {
    if (error instanceof RefiImportError) throw error;
    throw new ServiceError('import-refused', `${file} could not be read (${(error as NodeJS.ErrnoException).code ?? 'error'}). Nothing was imported.`);
  }
  const isZip = bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (!isZip) {
    if (/\.qdpx$/i.test(file)) throw new RefiImportError('It is not a zip archive, which a .qdpx project is.');
    if (bytes.length > MAX_QDC_FILE) throw new RefiImportError(`It is too large for a codebook (at most ${MAX_QDC_FILE / 1048576} MB).`);
    const xml = decode(bytes, 'The codebook');
    const codes = readRefiCodebook(xml);
    const errors = await validateRefiXml(xml, 'codebook', options);
    if (errors.length) throw schemaRefusal('The codebook', 'codebook', errors);
    return { kind: 'codebook', codes };
  }
  const { files } = readQdpxEntries(bytes, (name) => name === 'project.qde' || /^sources\/[^/]+\.txt$/i.test(name));
  const qde = files.get('project.qde');
  if (!qde) throw new RefiImportError('It holds no project.qde, so it is not a REFI-QDA project.');
  const xml = decode(qde, 'project.qde');
  const project = readRefiProject(xml);
  const errors = await validateRefiXml(xml, 'project', options);
  if (errors.length) throw schemaRefusal('Its project.qde', 'project', errors);
  return { kind: 'project', project, files };
}

function memoReader(notes: ReadonlyMap<string, string>) {
  return (code: RefiCode) => code.noteGuids.map((g) => notes.get(guidKey(g))).filter((n): n is string => n !== undefined && n.trim() !== '').join('\n\n');
}

function countCodes(codes: readonly RefiCode[]): number {
  return codes.reduce((n, c) => n + 1 + countCodes(c.children), 0);
}

export function refiImportSummary(r: Pick<RefiImportReport, 'kind' | 'dryRun' | 'codes' | 'sources' | 'passages'>): string {
  const parts = [`codes: ${r.codes.added} added, ${r.codes.matched} already here${r.codes.skipped.length ? `, ${r.codes.skipped.length} left out` : ''}`];
  if (r.kind === 'project') {
    parts.push(`sources: ${r.sources.matched.length} matched a document, ${r.sources.unmatched.length} matched none`);
    parts.push(`coded passages: ${r.passages.added} added, ${r.passages.matched} already here, ${plural(r.passages.codingsAdded, 'code')} applied${r.passages.problems.length ? `, ${plural(r.passages.problems.length, 'problem')}` : ''}`);
  }
  return `${r.dryRun ? 'Dry run, nothing changed: ' : ''}${parts.join('; ')}.`;
}

/**
 * Imports a REFI-QDA codebook (.qdc) or project (.qdpx) into the coding of the open corpus. The
 * file is read and checked whole first (a hostile or malformed file is refused with its reason
 * and changes nothing, and so is one that does not follow the REFI-QDA schema); then everything
 * is written in one transaction, or nothing in a dry run.
 * Importing the same file again changes nothing (codes and passages are found again by GUID,
 * names and place).
 */
export async function importRefiFile(ctx: UserDataContext, file: string, dryRun = false, options: RefiImportOptions = {}): Promise<RefiImportReport> {
  let parsed: Parsed;
  try {
    parsed = await readFile(file, options);
  } catch (error) {
    if (error instanceof RefiImportError) throw new ServiceError('import-refused', `${path.basename(file)} was not imported: ${error.message} Nothing was changed.`);
    throw error;
  }
  const { db } = ctx.store();
  const corpusId = ctx.corpusId();
  const now = ctx.now();
  const importedCodes = parsed.kind === 'codebook' ? parsed.codes : parsed.project.codes;
  const notes = parsed.kind === 'project' ? parsed.project.notes : new Map<string, string>();
  const codesHere = listCodes(db, corpusId);
  const codePlan: CodePlan = planCodes(importedCodes, codesHere, codeRefiGuids(db, corpusId), memoReader(notes), ctx.newId);
  // A code's colour once imported: its own here, else the one the import fills in or brings.
  const codeColors = new Map<string, string>();
  for (const code of [...codesHere, ...codePlan.newCodes]) codeColors.set(code.id, code.color);
  for (const fill of codePlan.fills) if (fill.color) codeColors.set(fill.id, fill.color);
  const report: RefiImportReport = {
    file,
    kind: parsed.kind,
    dryRun,
    codes: codePlan.report,
    sources: { matched: [], unmatched: [] },
    passages: { added: 0, matched: 0, codingsAdded: 0, problems: [] },
    ignored: [],
    summary: '',
  };
  let passagePlan: PassagePlan | undefined;
  if (parsed.kind === 'project') {
    const { project, files } = parsed;
    const stored = highlightRefiGuids(db, corpusId);
    const existing = highlightViews(ctx, listLiveHighlightsOfCorpus(db, corpusId), currentDocuments(ctx)).flatMap((h) =>
      h.anchor.status === 'orphaned' ? [] : [{ id: h.id, documentId: h.documentId, start: h.anchor.start, end: h.anchor.end, guid: stored.get(h.id) }],
    );
    passagePlan = planPassages({
      project,
      sourceText: (source) => {
        if ('problem' in source.text) return { problem: source.text.problem };
        if ('content' in source.text) return source.text.content;
        const bytes = files.get(source.text.entry);
        if (!bytes) return { problem: `its text file (${source.text.entry.slice(0, 80)}) is not in the archive` };
        try {
          return decode(bytes, source.text.entry);
        } catch (error) {
          return { problem: (error as Error).message };
        }
      },
      corpus: ctx.corpus(),
      existing,
      existingCodings: new Set(listCodings(db, corpusId).map((c) => `${c.codeId}\u0000${c.highlightId}`)),
      codeIdOf: codePlan.idOfGuid,
      colorOfCode: (id) => highlightColorOfCode(codeColors.get(id)),
      now,
      newId: ctx.newId,
    });
    report.sources = passagePlan.sources;
    report.passages = passagePlan.passages;
    const usedNotes = new Set(countCodes(importedCodes) ? collectNoteGuids(importedCodes) : []);
    const loose = [...notes.keys()].filter((g) => !usedNotes.has(g)).length;
    report.ignored = [...project.ignored, ...passagePlan.ignored, ...(loose ? [`${plural(loose, 'note')} not on a code (Carrel keeps code memos)`] : [])];
  }
  if (!dryRun) write(ctx, codePlan, passagePlan, now);
  report.summary = refiImportSummary(report);
  return report;
}

function collectNoteGuids(codes: readonly RefiCode[]): string[] {
  return codes.flatMap((c) => [...c.noteGuids.map(guidKey), ...collectNoteGuids(c.children)]);
}

function write(ctx: UserDataContext, codes: CodePlan, passages: PassagePlan | undefined, now: string): void {
  const nothing = !codes.newCodes.length && !codes.fills.length && !passages?.highlights.length && !passages?.codings.length;
  if (nothing) return;
  const { db } = ctx.store();
  const corpusId = ctx.corpusId();
  ctx.store().write(() => {
    for (const code of codes.newCodes) {
      insertCode(db, { id: code.id, corpusId, parentId: code.parentId, name: code.name, color: code.color, description: code.description, memo: code.memo, createdAt: now });
      setCodeRefiGuid(db, code.id, code.guid);
    }
    for (const { id, ...fill } of codes.fills) updateCode(db, id, fill, now);
    for (const h of passages?.highlights ?? []) {
      insertHighlight(db, { id: h.id, corpusId, documentId: h.documentId, documentSha256: h.sha256, quote: h.quote, position: h.position, color: h.color, note: h.note, createdAt: h.createdAt });
      setHighlightRefiGuid(db, h.id, h.guid);
    }
    for (const c of passages?.codings ?? []) insertCoding(db, { id: ctx.newId(), codeId: c.codeId, highlightId: c.highlightId, createdAt: c.createdAt });
  });
}
