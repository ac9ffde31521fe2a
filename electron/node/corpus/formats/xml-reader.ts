import { Parser } from 'htmlparser2';

export type XmlElement = { name: string; attributes: Record<string, string>; text: string; parents: readonly string[] };

/**
 * Every element of an XML document (container.xml, an EPUB package, docProps/core.xml) with
 * its attributes, its own text and the names of the elements around it, read by htmlparser2 in
 * XML mode: only the five predefined entities and character references are decoded, nothing
 * is fetched or expanded. Names keep their prefix (`dc:title`) and case.
 */
export function xmlElements(xml: string): XmlElement[] {
  const out: XmlElement[] = [];
  const open: XmlElement[] = [];
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const element = { name, attributes, text: '', parents: open.map((e) => e.name) };
        out.push(element);
        open.push(element);
      },
      ontext(text) {
        const current = open[open.length - 1];
        if (current) current.text += text;
      },
      onclosetag() {
        open.pop();
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.write(xml);
  parser.end();
  return out;
}

/** The local part of a prefixed name: `dc:title` → `title`. */
export const localName = (name: string) => name.slice(name.indexOf(':') + 1);
