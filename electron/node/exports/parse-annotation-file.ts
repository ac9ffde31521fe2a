import { z } from 'zod';
import { loneSurrogateAt } from '../../common/notes/user-text';

/**
 * A W3C Web Annotation file as Carrel reads it: hostile until checked. Bounded before parsing
 * (size), right after (nesting depth, number of annotations), then by schema (types, lengths);
 * anything wrong refuses the whole file with a reason and nothing is written.
 */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
export const MAX_IMPORT_ANNOTATIONS = 100_000;
const MAX_DEPTH = 24;

export class ImportFileError extends Error {}

const text = (max: number) => z.string().max(max);
const oneOrMany = <T extends z.ZodType>(schema: T) => z.union([schema, z.array(schema).max(100)]);

const quoteSelector = z
  .object({ type: z.literal('TextQuoteSelector'), exact: text(100_000).min(1), prefix: text(10_000).optional(), suffix: text(10_000).optional() })
  .passthrough();
const positionSelector = z
  .object({ type: z.literal('TextPositionSelector'), start: z.number().int().min(0).max(1e9), end: z.number().int().min(0).max(1e9) })
  .passthrough()
  .refine((s) => s.end >= s.start, 'A TextPositionSelector ends before it starts');
/** Other selectors (CSS, XPath, fragment, range…) are read, and ignored: Carrel places text by quote and position. */
const otherSelector = z.object({ type: text(200) }).passthrough();
const selector = z.union([quoteSelector, positionSelector, otherSelector]);

const specificResource = z
  .object({
    source: text(4000),
    selector: oneOrMany(selector).optional(),
    styleClass: text(200).optional(),
    'carrel:documentSha256': text(128).optional(),
  })
  .passthrough();
/** Other targets (Composite, List, Choice, a resource without selectors…) are read and reported as not placeable. */
const target = z.union([text(4000), specificResource, z.object({ id: text(4000).optional(), type: z.union([text(200), z.array(text(200)).max(10)]).optional() }).passthrough()]);

const textualBody = z
  .object({
    type: z.union([z.literal('TextualBody'), z.array(text(100)).max(10)]).optional(),
    value: text(200_000),
    purpose: oneOrMany(text(100)).optional(),
    format: text(200).optional(),
  })
  .passthrough();
const body = z.union([textualBody, text(4000), z.object({}).passthrough()]);

export const annotationSchema = z
  .object({
    id: text(4000).optional(),
    type: z.union([z.literal('Annotation'), z.array(text(100)).max(10).refine((types) => types.includes('Annotation'), 'not an Annotation')]),
    motivation: oneOrMany(text(200)).optional(),
    created: text(64).optional(),
    modified: text(64).optional(),
    body: oneOrMany(body).optional(),
    bodyValue: text(200_000).optional(),
    target: oneOrMany(target),
  })
  .passthrough();
export type ParsedAnnotation = z.infer<typeof annotationSchema>;

function depthOf(value: unknown): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (depth > deepest) deepest = depth;
    if (depth > MAX_DEPTH) return depth;
    if (node && typeof node === 'object') for (const child of Object.values(node)) stack.push([child, depth + 1]);
  }
  return deepest;
}

/** The annotations of a file: one annotation, a list of them, an AnnotationPage or an AnnotationCollection (its first page, and the pages embedded after it). */
export function parseAnnotationFile(bytes: Uint8Array): ParsedAnnotation[] {
  if (bytes.byteLength > MAX_IMPORT_BYTES) {
    throw new ImportFileError(`The file is too large to import (${Math.round(bytes.byteLength / 1048576)} MB; at most ${MAX_IMPORT_BYTES / 1048576} MB).`);
  }
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (error) {
    throw new ImportFileError(
      error instanceof TypeError ? 'The file is not UTF-8 text: it is not a W3C Web Annotation (JSON-LD) file.' : 'The file is not valid JSON: it is not a W3C Web Annotation (JSON-LD) file.',
    );
  }
  if (depthOf(json) > MAX_DEPTH) throw new ImportFileError(`The file is nested more than ${MAX_DEPTH} levels deep: Carrel does not read it.`);
  const list = annotationsOf(json);
  if (list.length > MAX_IMPORT_ANNOTATIONS) throw new ImportFileError(`The file holds ${list.length.toLocaleString('en-US')} annotations; Carrel imports at most ${MAX_IMPORT_ANNOTATIONS.toLocaleString('en-US')} at a time.`);
  return list.map((candidate, index) => {
    const parsed = annotationSchema.safeParse(candidate);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new ImportFileError(`Annotation ${index + 1} of the file does not follow the Web Annotation model (${issue.path.join('.') || 'the annotation'}: ${issue.message}). Nothing was imported.`);
    }
    const broken = findBrokenText(parsed.data);
    if (broken) throw new ImportFileError(`Annotation ${index + 1} of the file holds a broken character (half of a UTF-16 surrogate pair) in ${broken}. Nothing was imported.`);
    return parsed.data;
  });
}

function annotationsOf(json: unknown): unknown[] {
  if (Array.isArray(json)) return json;
  if (!json || typeof json !== 'object') throw new ImportFileError('The file holds no annotation (it is JSON, but not an object or a list).');
  const object = json as Record<string, unknown>;
  const types = ([] as unknown[]).concat(object.type);
  if (types.includes('AnnotationCollection')) {
    const first = object.first;
    if (first === undefined) return [];
    if (!first || typeof first !== 'object') throw new ImportFileError('The collection refers to its pages by address only: Carrel reads embedded pages, never fetches.');
    const pages: unknown[] = [];
    let page: unknown = first;
    while (page && typeof page === 'object' && pages.length < 10_000) {
      pages.push(...itemsOf(page as Record<string, unknown>));
      page = (page as Record<string, unknown>).next;
    }
    return pages;
  }
  if (types.includes('AnnotationPage')) return itemsOf(object);
  return [json];
}

function itemsOf(page: Record<string, unknown>): unknown[] {
  if (!Array.isArray(page.items)) throw new ImportFileError('An annotation page of the file has no list of items.');
  return page.items;
}

function findBrokenText(value: unknown, where = 'the annotation'): string | undefined {
  if (typeof value === 'string') return loneSurrogateAt(value) >= 0 ? where : undefined;
  if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      const found = findBrokenText(child, Array.isArray(value) ? where : key);
      if (found) return found;
    }
  }
  return undefined;
}
