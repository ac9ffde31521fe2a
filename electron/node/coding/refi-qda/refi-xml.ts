import { Parser } from 'htmlparser2';

/** One element of a REFI-QDA file: its local name (no prefix), attributes, own text and children. */
export type RefiElement = { name: string; attributes: Record<string, string>; text: string; children: RefiElement[] };

/** Why a REFI-QDA file was refused, in words a user can act on. */
export class RefiImportError extends Error {}

/** Most characters of a project.qde or .qdc (a project of a few thousand coded passages is a few MB). */
export const MAX_XML_CHARS = 64 * 1024 * 1024;
/** Deepest nesting (a code tree 50 levels deep is still far below it). */
export const MAX_XML_DEPTH = 100;
/** Most elements in one file. */
export const MAX_XML_ELEMENTS = 2_000_000;

/** A document type with an internal subset, or any entity declaration: refused (external entities, billion laughs). */
const DECLARATIONS = /<!DOCTYPE|<!ENTITY/i;

/**
 * A REFI-QDA XML file read with htmlparser2 in XML mode (as the EPUB reader does): only the five
 * predefined entities and character references are decoded; nothing is fetched or expanded. A
 * file declaring a document type or entities is refused before it is parsed (a REFI-QDA file has
 * no use for one), so are files too large or too deep, and files whose tags do not match.
 */
export function parseRefiXml(xml: string, what: string): RefiElement {
  if (xml.length > MAX_XML_CHARS) throw new RefiImportError(`${what} is too large (over ${MAX_XML_CHARS / 1024 / 1024} MB of XML).`);
  if (DECLARATIONS.test(xml)) throw new RefiImportError(`${what} declares a document type or XML entities; a REFI-QDA file has none, and they can fetch files or expand without bound.`);
  const root: RefiElement = { name: '#root', attributes: {}, text: '', children: [] };
  const open: RefiElement[] = [root];
  let count = 0;
  // A refusal is thrown from inside the parser, so a bomb of elements stops at the limit.
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (++count > MAX_XML_ELEMENTS) throw new RefiImportError(`${what} has more than ${MAX_XML_ELEMENTS.toLocaleString('en')} elements.`);
        if (open.length > MAX_XML_DEPTH) throw new RefiImportError(`${what} is nested more than ${MAX_XML_DEPTH} levels deep.`);
        const element: RefiElement = { name: name.slice(name.indexOf(':') + 1), attributes, text: '', children: [] };
        open[open.length - 1]!.children.push(element);
        open.push(element);
      },
      ontext(text) {
        const current = open[open.length - 1]!;
        if (current !== root) current.text += text;
        else if (text.trim()) throw new RefiImportError(`${what} is not well-formed XML (text outside its root element).`);
      },
      onclosetag(name) {
        // htmlparser2 forgives: it closes what a wrong or missing end tag leaves open. Carrel does not.
        const tag = ending ? '' : xml.slice(parser.startIndex, parser.endIndex + 1);
        if (!tag.endsWith('/>') && tag.replace(/\s+/g, '') !== `</${name}>`) throw new RefiImportError(`${what} is not well-formed XML (<${name.slice(0, 40)}> is not closed).`);
        open.pop();
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  let ending = false;
  parser.write(xml);
  ending = true;
  parser.end();
  const elements = root.children;
  if (elements.length !== 1) throw new RefiImportError(`${what} is not one XML document (${elements.length} root elements).`);
  return elements[0]!;
}

/** The children of an element with a local name. */
export const childrenNamed = (element: RefiElement, name: string) => element.children.filter((c) => c.name === name);
export const childNamed = (element: RefiElement, name: string) => element.children.find((c) => c.name === name);

/** Whether an element declares a namespace (default or prefixed). */
export const declaresNamespace = (element: RefiElement, uri: string) =>
  Object.entries(element.attributes).some(([name, value]) => (name === 'xmlns' || name.startsWith('xmlns:')) && value === uri);
