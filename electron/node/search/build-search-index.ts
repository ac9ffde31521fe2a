import lunr from 'lunr';

export type IndexableDocument = {
  id: string;
  title: string;
  text: string;
  language: string;
};

/**
 * Builds the serialized Lunr index shards stored in the corpus file. Positions are kept
 * so that snippets, hit highlighting and phrase queries need no re-search of the text.
 */
export function buildSearchIndex(documents: readonly IndexableDocument[]): string[] {
  const index = lunr(function () {
    this.ref('id');
    this.field('title', { boost: 5 });
    this.field('text');
    this.metadataWhitelist = ['position'];
    for (const doc of documents) this.add({ id: doc.id, title: doc.title, text: doc.text });
  });
  return [JSON.stringify(index)];
}
