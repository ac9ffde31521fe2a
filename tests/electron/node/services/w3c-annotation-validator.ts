import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { ROOT } from '../../../harness/paths';

/** The W3C Web Annotation test suite, read from shared/ beside the repository (never copied into it). */
export const W3C_TESTS = path.resolve(ROOT, '..', 'shared', 'w3c-web-annotation-tests');

function jsonFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return jsonFiles(full);
    return entry.name.endsWith('.json') ? [full] : [];
  });
}

type Assertion = { file: string; id: string; expectedValid: boolean };

/** Every schema loaded (definitions first), and the assertion lists of the suite's manifests. */
export function loadW3cSuite() {
  const ajv = new Ajv({ strict: false, allErrors: false });
  addFormats(ajv);
  const byFile = new Map<string, Assertion>();
  for (const file of [...jsonFiles(path.join(W3C_TESTS, 'definitions')), ...jsonFiles(path.join(W3C_TESTS, 'annotations'))]) {
    const schema = JSON.parse(fs.readFileSync(file, 'utf8')) as { id: string; expectedResult?: string };
    // The suite has one schema twice under two folders (3.2.2-targType.json, same content): load it once.
    if (!ajv.getSchema(schema.id)) ajv.addSchema(schema);
    byFile.set(path.relative(W3C_TESTS, file), { file, id: schema.id, expectedValid: schema.expectedResult !== 'invalid' });
  }
  const manifest = (name: string): Assertion[] => {
    const test = JSON.parse(fs.readFileSync(path.join(W3C_TESTS, 'annotations', name), 'utf8')) as { assertions: unknown[] };
    return test.assertions.filter((a): a is string => typeof a === 'string').map((a) => byFile.get(a)!);
  };
  /** The MUST assertions an annotation fails (empty: it conforms). */
  const failedMusts = (annotation: unknown): string[] =>
    manifest('annotationMusts.test')
      .filter((assertion) => ajv.validate(assertion.id, annotation) !== assertion.expectedValid)
      .map((assertion) => assertion.id);
  /** Whether an annotation satisfies one assertion schema (e.g. that it implements a feature). */
  const satisfies = (schemaId: string, annotation: unknown): boolean => ajv.validate(schemaId, annotation) as boolean;
  return { failedMusts, satisfies, mustCount: manifest('annotationMusts.test').length };
}

/** The suite's sample files that parse as JSON (one incorrect sample is deliberately not JSON). */
export function samples(kind: 'correct' | 'incorrect'): { name: string; annotation: unknown }[] {
  const dir = path.join(W3C_TESTS, 'tools', 'samples', kind);
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .flatMap((name) => {
      try {
        return [{ name, annotation: JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as unknown }];
      } catch {
        return [];
      }
    });
}
