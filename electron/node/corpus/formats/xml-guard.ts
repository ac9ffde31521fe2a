import { SourceError } from '../source-error';

/** An entity declaration, or a document type with an internal subset (where entities are declared). */
const DECLARATIONS = /<!ENTITY|<!DOCTYPE[^>[]*\[/i;

/**
 * Refuses XML that declares entities (billion laughs, external entities): no parser of Carrel's
 * expands them, and no EPUB or Word document needs them. A plain `<!DOCTYPE html>` (XHTML
 * chapters carry one) declares nothing and passes.
 */
export function refuseXmlDeclarations(xml: string, name: string): string {
  if (DECLARATIONS.test(xml)) throw new SourceError('xml-entities', `"${name.slice(0, 80)}" declares XML entities (refused: they can expand without bound)`);
  return xml;
}
