import { childNamed, childrenNamed, declaresNamespace, parseRefiXml, RefiImportError, type RefiElement } from './refi-xml';

export const PROJECT_NS = 'urn:QDA-XML:project:1.0';
export const CODEBOOK_NS = 'urn:QDA-XML:codebook:1.0';

/** A code of an imported codebook, with its sub-codes; `problem` says why it cannot be used. */
export type RefiCode = { guid: string; name: string; color: string; description: string; noteGuids: string[]; children: RefiCode[]; problem?: string };
export type RefiCoding = { guid: string; codeGuid: string; createdAt?: string };
/** A PlainTextSelection; positions in code points from 0, the end the code point after it (as REFI-QDA counts). */
export type RefiSelection = { guid: string; name: string; start: number; end: number; description: string; createdAt?: string; codings: RefiCoding[]; problem?: string };
/** A source of the project: `text` says where its plain text is (an entry of the archive, or the text itself). */
export type RefiSource = {
  guid: string;
  name: string;
  kind: string;
  text: { entry: string } | { content: string } | { problem: string };
  selections: RefiSelection[];
  /** Codings of the whole source (Carrel codes passages, not documents). */
  sourceCodings: number;
};
export type RefiProject = { name: string; codes: RefiCode[]; sources: RefiSource[]; notes: Map<string, string>; ignored: string[] };

const GUID = /^(\{[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\}|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$/;
const INTEGER = /^[+-]?\d{1,15}$/;
const DATE_TIME = /^-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/;
/** Most codes, sources and selections taken from one file. */
export const MAX_CODES = 20_000;
export const MAX_SELECTIONS = 500_000;

/** A GUID as compared: braces dropped, lower case (REFI-QDA allows both, tools write both). */
export const guidKey = (guid: string) => guid.replace(/[{}]/g, '').toLowerCase();

const attr = (element: RefiElement, name: string) => element.attributes[name]?.trim();

function requireGuid(element: RefiElement, what: string): string {
  const guid = attr(element, 'guid');
  if (!guid || !GUID.test(guid)) throw new RefiImportError(`A ${what} has ${guid ? `a malformed GUID (“${guid.slice(0, 60)}”)` : 'no GUID'}; the file does not follow REFI-QDA.`);
  return guid;
}

function dateTime(element: RefiElement): string | undefined {
  const value = attr(element, 'creationDateTime');
  if (!value || !DATE_TIME.test(value)) return undefined;
  const time = Date.parse(value.endsWith('Z') || /[+-]\d{2}:\d{2}$/.test(value) ? value : `${value}Z`);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

function color(value: string | undefined): string {
  if (!value) return '';
  const six = value.match(/^#([0-9a-fA-F]{6})$/)?.[1];
  if (six) return `#${six.toUpperCase()}`;
  const three = value.match(/^#([0-9a-fA-F]{3})$/)?.[1];
  return three ? `#${[...three].map((c) => c + c).join('').toUpperCase()}` : '';
}

function readCodes(parent: RefiElement, counter: { codes: number }): RefiCode[] {
  return childrenNamed(parent, 'Code').map((element) => {
    if (++counter.codes > MAX_CODES) throw new RefiImportError(`It has more than ${MAX_CODES.toLocaleString('en')} codes.`);
    const guid = requireGuid(element, 'code');
    const name = element.attributes.name;
    return {
      guid,
      name: name ?? '',
      color: color(attr(element, 'color')),
      description: childNamed(element, 'Description')?.text ?? '',
      noteGuids: childrenNamed(element, 'NoteRef').map((n) => attr(n, 'targetGUID') ?? '').filter((g) => GUID.test(g)),
      children: readCodes(element, counter),
      ...(name === undefined ? { problem: 'it has no name' } : {}),
    };
  });
}

function readCodebook(codebook: RefiElement | undefined): RefiCode[] {
  if (!codebook) return [];
  const codes = childNamed(codebook, 'Codes');
  return codes ? readCodes(codes, { codes: 0 }) : [];
}

function readSelection(element: RefiElement): RefiSelection {
  const guid = requireGuid(element, 'text selection');
  const [startText, endText] = [attr(element, 'startPosition') ?? '', attr(element, 'endPosition') ?? ''];
  const codings = childrenNamed(element, 'Coding').map((coding) => {
    const ref = childNamed(coding, 'CodeRef');
    return { guid: requireGuid(coding, 'coding'), codeGuid: attr(ref ?? coding, 'targetGUID') ?? '', createdAt: dateTime(coding) };
  });
  const selection = { guid, name: element.attributes.name ?? '', start: 0, end: 0, description: childNamed(element, 'Description')?.text ?? '', createdAt: dateTime(element), codings };
  if (!INTEGER.test(startText) || !INTEGER.test(endText)) return { ...selection, problem: `its positions (“${startText.slice(0, 20)}”, “${endText.slice(0, 20)}”) are not whole numbers` };
  const [start, end] = [Number(startText), Number(endText)];
  if (start < 0 || end <= start) return { ...selection, start, end, problem: `its positions ${start}–${end} select nothing` };
  return { ...selection, start, end };
}

/** The plain text of a text source (or of a PDF's text representation): an internal file or its own content. */
function textOf(element: RefiElement): RefiSource['text'] {
  const content = childNamed(element, 'PlainTextContent');
  if (content) return { content: content.text };
  const path = attr(element, 'plainTextPath');
  if (!path) return { problem: 'it has no plain text (neither plainTextPath nor PlainTextContent)' };
  const internal = path.match(/^internal:\/\/(.+)$/)?.[1];
  if (!internal) return { problem: `its text is outside the project (${path.slice(0, 80)}), and Carrel reads only what the .qdpx holds` };
  return { entry: `sources/${internal}` };
}

function readSources(sources: RefiElement | undefined, counter: { selections: number }): RefiSource[] {
  if (!sources) return [];
  return sources.children.map((element) => {
    const guid = requireGuid(element, element.name);
    const name = element.attributes.name ?? '';
    // A PDF's text selections are in its plain-text representation.
    const textElement = element.name === 'TextSource' ? element : element.name === 'PDFSource' ? childNamed(element, 'Representation') : undefined;
    if (!textElement) return { guid, name, kind: element.name, text: { problem: `it is a ${element.name.replace(/Source$/, '').toLowerCase()} source, not text` }, selections: [], sourceCodings: 0 };
    const selections = childrenNamed(textElement, 'PlainTextSelection').map((s) => {
      if (++counter.selections > MAX_SELECTIONS) throw new RefiImportError(`It has more than ${MAX_SELECTIONS.toLocaleString('en')} text selections.`);
      return readSelection(s);
    });
    return { guid, name, kind: element.name, text: textOf(textElement), selections, sourceCodings: childrenNamed(element, 'Coding').length };
  });
}

function readNotes(notes: RefiElement | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const note of notes ? childrenNamed(notes, 'Note') : []) {
    const guid = attr(note, 'guid');
    const content = childNamed(note, 'PlainTextContent');
    if (guid && GUID.test(guid) && content) out.set(guidKey(guid), content.text);
  }
  return out;
}

/** A project.qde, read and checked (GUIDs, positions, the root and its namespace). */
export function readRefiProject(xml: string): RefiProject {
  const root = parseRefiXml(xml, 'project.qde');
  if (root.name !== 'Project' || !declaresNamespace(root, PROJECT_NS)) throw new RefiImportError(`project.qde is not a REFI-QDA project (its root is <${root.name.slice(0, 40)}>, in no ${PROJECT_NS} namespace).`);
  const ignored: string[] = [];
  for (const [element, what] of [['Cases', 'cases'], ['Variables', 'variables'], ['Sets', 'sets'], ['Graphs', 'graphs'], ['Links', 'links']] as const) {
    const found = childNamed(root, element);
    if (found?.children.length) ignored.push(`${found.children.length} ${what}`);
  }
  const notes = readNotes(childNamed(root, 'Notes'));
  return { name: root.attributes.name ?? '', codes: readCodebook(childNamed(root, 'CodeBook')), sources: readSources(childNamed(root, 'Sources'), { selections: 0 }), notes, ignored };
}

/** A .qdc codebook, read and checked. */
export function readRefiCodebook(xml: string): RefiCode[] {
  const root = parseRefiXml(xml, 'The codebook');
  if (root.name !== 'CodeBook' || !declaresNamespace(root, CODEBOOK_NS)) throw new RefiImportError(`It is not a REFI-QDA codebook (its root is <${root.name.slice(0, 40)}>, in no ${CODEBOOK_NS} namespace).`);
  return readCodebook(root);
}
