import { ENTITY_TYPES, type EntityType } from '../../common/entities/entity-types';
import { EntityIndexBuilder, spellingOf, type EntityIndex } from './entity-index';
import { normaliseName } from './entity-key';
import type { EntityBatch } from './entity-pass';
import { extractEntities } from './extract-entities';
import { forgetRuns } from './find-names';

/** Ints per paragraph: document, idx, start, end, its first find, the find after its last. */
const PARAGRAPH = 6;
/** Ints per find: start, end (in its document's text), type (TYPES), spelling id, surface (both NAMES). */
const FIND = 5;
const TYPES: readonly (EntityType | undefined)[] = [undefined, ...ENTITY_TYPES];

/** A growing array of ints. */
class Ints {
  data = new Int32Array(4096);
  length = 0;
  push(a: number, b: number, c: number, d: number, e: number, f?: number): void {
    if (this.length + 6 > this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    const at = this.length;
    this.data[at] = a;
    this.data[at + 1] = b;
    this.data[at + 2] = c;
    this.data[at + 3] = d;
    this.data[at + 4] = e;
    if (f === undefined) this.length += 5;
    else {
      this.data[at + 5] = f;
      this.length += 6;
    }
  }
}

/** A document's paragraphs and finds, found again once its lines were refolded. */
type Redone = { paragraphs: number[]; finds: number[] };

/**
 * The finds of each paragraph, kept until every document is in, then added to an
 * EntityIndexBuilder in corpus order: what lets the entity worker start while documents are still
 * being read, on their paragraphs as first folded. A document whose lines the site-wide folds
 * change later is given again (redo): its paragraphs the refold left as they were keep their
 * finds (the finder reads a paragraph's text and nothing else), the others are read again. The
 * builder then sees the finds a build of the refolded documents would give, in the same order: the
 * same index as addBatch() after the refolds.
 */
export class FoundParagraphs {
  private readonly paragraphs = new Ints();
  private readonly finds = new Ints();
  /** Where each document's paragraphs start in `paragraphs` (ints), by document. */
  private readonly docAt: number[] = [];
  private readonly redone = new Map<number, Redone>();
  /** Spellings and surfaces, each kept once (a copy: a slice would keep its document's text alive). */
  private readonly nameIds = new Map<string, number>();
  private readonly names: string[] = [];
  /** By a name's id, the id of its spelling when it is a name's surface (-1: none, the name has no letters). */
  private readonly spellingIds: number[] = [];

  private nameId(s: string): number {
    let id = this.nameIds.get(s);
    if (id === undefined) {
      const owned = s.length < 13 ? s : ` ${s}`.slice(1);
      this.nameIds.set(owned, (id = this.names.length));
      this.names.push(owned);
    }
    return id;
  }

  /** Finds the entities of a paragraph (offset: where it starts in its document) into `out`. */
  private findInto(out: Ints | number[], offset: number, text: string): void {
    for (const e of extractEntities(text)) {
      if (e.type === 'date') {
        const spelling = spellingOf(e);
        if (spelling) out.push(offset + e.start, offset + e.end, TYPES.indexOf(e.type), this.nameId(spelling.id), this.nameId(e.surface));
        continue;
      }
      // A name's spelling is its surface normalised (spellingOf): found once per surface.
      const surface = this.nameId(e.surface);
      let spelling = this.spellingIds[surface];
      if (spelling === undefined) {
        const norm = normaliseName(e.surface);
        this.spellingIds[surface] = spelling = norm ? this.nameId(norm) : -1;
      }
      if (spelling >= 0) out.push(offset + e.start, offset + e.end, TYPES.indexOf(e.type), spelling, surface);
    }
  }

  /** The next documents, in corpus order (batch.from: the first not given yet). */
  add(batch: EntityBatch): void {
    const p = batch.paragraphs;
    for (let d = this.docAt.length; d < batch.from + batch.texts.length; d++) this.docAt[d] = -1;
    for (let k = 0; k < p.length; k += 4) {
      const doc = p[k]!;
      if (this.docAt[doc] === -1) this.docAt[doc] = this.paragraphs.length;
      const from = this.finds.length;
      this.findInto(this.finds, p[k + 2]!, batch.texts[doc - batch.from]!.slice(p[k + 2]!, p[k + 3]!));
      this.paragraphs.push(doc, p[k + 1]!, p[k + 2]!, p[k + 3]!, from, this.finds.length);
    }
  }

  /** Documents given before, with their paragraphs as they are now (refolded). */
  redo(batch: EntityBatch): void {
    const p = batch.paragraphs;
    const byDoc = new Map<number, Redone>();
    for (let d = batch.from; d < batch.from + batch.texts.length; d++) byDoc.set(d, { paragraphs: [], finds: [] });
    for (let k = 0; k < p.length; k += 4) {
      const [doc, idx, start, end] = [p[k]!, p[k + 1]!, p[k + 2]!, p[k + 3]!];
      const redone = byDoc.get(doc)!;
      const from = redone.finds.length;
      const before = this.paragraphAt(doc, start, end);
      if (before >= 0) {
        const p = this.paragraphs.data;
        for (let i = p[before + 4]!; i < p[before + 5]!; i++) redone.finds.push(this.finds.data[i]!);
      } else this.findInto(redone.finds, start, batch.texts[doc - batch.from]!.slice(start, end));
      redone.paragraphs.push(doc, idx, start, end, from, redone.finds.length);
    }
    for (const [doc, redone] of byDoc) this.redone.set(doc, redone);
  }

  /** Where the paragraph of a document at start…end as first given is in `paragraphs`, else -1. */
  private paragraphAt(doc: number, start: number, end: number): number {
    const p = this.paragraphs.data;
    const at = this.docAt[doc] ?? -1;
    if (at < 0) return -1;
    for (let k = at; k < this.paragraphs.length && p[k] === doc; k += PARAGRAPH) if (p[k + 2] === start && p[k + 3] === end) return k;
    return -1;
  }

  /** The entity index of every document given (redone ones as redone). */
  index(): EntityIndex {
    // Nothing more is read: what the finder and the names' lookup hold goes before the index grows.
    forgetRuns();
    this.nameIds.clear();
    this.spellingIds.length = 0;
    const builder = new EntityIndexBuilder();
    const addDocument = (paragraphs: ArrayLike<number>, from: number, finds: ArrayLike<number>, doc: number) => {
      const counted = { count: 0 };
      for (let k = from; k < paragraphs.length && paragraphs[k] === doc; k += PARAGRAPH) {
        for (let i = paragraphs[k + 4]!; i < paragraphs[k + 5]!; i += FIND) {
          const id = this.names[finds[i + 3]!]!;
          const type = TYPES[finds[i + 2]!];
          builder.addFound(doc, paragraphs[k + 1]!, finds[i]!, finds[i + 1]!, id, type === 'date' ? id.slice(5) : id, this.names[finds[i + 4]!]!, type, counted);
        }
      }
    };
    const p = this.paragraphs.data.subarray(0, this.paragraphs.length);
    const f = this.finds.data;
    for (let doc = 0; doc < this.docAt.length; doc++) {
      const redone = this.redone.get(doc);
      if (redone) addDocument(redone.paragraphs, 0, redone.finds, doc);
      else if (this.docAt[doc]! >= 0) addDocument(p, this.docAt[doc]!, f, doc);
    }
    return builder.finish();
  }
}
