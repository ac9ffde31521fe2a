import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ENTITY_TYPE_LABELS, type EntityMention } from '@common/entities/entity-types';
import { useApiMutation } from '../../shared/data/use-api-mutation';
import { useApiQuery } from '../../shared/data/use-api-query';
import { ErrorPanel } from '../../shared/error-panel';

type Props = {
  entityKey: string;
  onEntity: (key: string) => void;
  onBack: () => void;
  onOpenMention: (mention: EntityMention) => void;
  onStatus: (message: string) => void;
};

const INVALIDATES = ['listEntities', 'getEntity'] as const;

/** One entity: its mentions in context across documents, the entities named with it, and the edits (merge, split, rename, hide, undo). */
export function EntityPage({ entityKey, onEntity, onBack, onOpenMention, onStatus }: Props) {
  const page = useApiQuery('getEntity', { key: entityKey });
  const edit = useApiMutation('editEntity', { invalidates: INVALIDATES, failure: 'The entry was not changed', report: 'inline' });
  const undo = useApiMutation('undoEntityEdit', { invalidates: INVALIDATES, failure: 'Nothing was undone', report: 'inline' });
  const [rename, setRename] = useState('');
  const [mergeFilter, setMergeFilter] = useState('');
  const entity = page.value?.entity;
  const title = useRef<HTMLHeadingElement>(null);
  // A new entry (opened, merged into, split off) takes the focus at its name, so the keyboard carries on from there.
  const shownKey = entity?.key;
  useEffect(() => {
    if (shownKey) title.current?.focus();
  }, [shownKey]);
  const candidates = useApiQuery(
    'listEntities',
    { ...(entity ? { type: entity.type } : {}), ...(mergeFilter.trim() ? { filter: mergeFilter.trim() } : {}), limit: 50 },
    { enabled: entity !== undefined, keepPrevious: true },
  );

  if (page.error) {
    return (
      <>
        <button type="button" className="small-button" onClick={onBack}>
          ← All entities
        </button>
        <ErrorPanel title="This entry could not be shown" error={page.error} />
      </>
    );
  }
  if (!page.value || !entity) return <p className="analysis-hint">Reading the entry…</p>;
  const { mentions, totalMentions, cooccurring } = page.value;

  const change = async (input: Parameters<typeof edit.run>[0], said: string) => {
    const result = await edit.run(input);
    if (result.ok) {
      onStatus(`${said} Undo is in the entry's actions.`);
      if (result.value.key !== entityKey) onEntity(result.value.key);
    }
  };
  const submitRename = (event: FormEvent) => {
    event.preventDefault();
    if (rename.trim()) void change({ kind: 'rename', key: entity.key, name: rename.trim() }, `Renamed “${entity.name}” to “${rename.trim()}”.`).then(() => setRename(''));
  };
  const undoLast = async () => {
    const result = await undo.run(undefined);
    if (result.ok) onStatus(result.value.undone ? 'The last change to the entity index was undone.' : 'There is no change to undo.');
  };
  const others = (candidates.value?.entities ?? []).filter((e) => e.key !== entity.key);

  return (
    <article className="entity-page" aria-labelledby="entity-title">
      <button type="button" className="small-button" onClick={onBack}>
        ← All entities
      </button>
      <h2 id="entity-title" className="entity-title" dir="auto" tabIndex={-1} ref={title}>
        {entity.name}
      </h2>
      <p className="analysis-count">
        {ENTITY_TYPE_LABELS[entity.type]} (suggested) · {entity.mentions.toLocaleString('en')} mention{entity.mentions === 1 ? '' : 's'} in {entity.documents.toLocaleString('en')} document
        {entity.documents === 1 ? '' : 's'}
        {entity.hidden ? ' · hidden from the index' : ''}
      </p>

      <section className="entity-actions" aria-labelledby="entity-actions-title">
        <h3 id="entity-actions-title">Edit this entry</h3>
        {(edit.error ?? undo.error) && (
          <p className="inline-error" role="alert">
            {edit.error ?? undo.error}
          </p>
        )}
        <form className="analysis-options" onSubmit={submitRename}>
          <label>
            Rename to
            <input type="text" value={rename} dir="auto" maxLength={200} onChange={(event) => setRename(event.target.value)} placeholder={entity.name} />
          </label>
          <button type="submit" className="small-button" disabled={!rename.trim() || edit.pending}>
            Rename
          </button>
          <button
            type="button"
            className="small-button"
            disabled={edit.pending}
            onClick={() => void change({ kind: entity.hidden ? 'unhide' : 'hide', key: entity.key }, entity.hidden ? `“${entity.name}” is shown again.` : `“${entity.name}” is hidden from the index.`)}
          >
            {entity.hidden ? 'Show in the index' : 'Hide from the index'}
          </button>
          <button type="button" className="small-button" disabled={undo.pending} onClick={() => void undoLast()}>
            Undo the last change
          </button>
        </form>
        <div className="analysis-options">
          <label>
            Merge into
            <input type="search" value={mergeFilter} dir="auto" onChange={(event) => setMergeFilter(event.target.value)} placeholder={`Type part of another ${ENTITY_TYPE_LABELS[entity.type].toLowerCase().replace(/s$/, '')}’s name`} />
          </label>
        </div>
        {mergeFilter.trim() && (
          <ul className="entity-list" aria-label="Entries to merge into">
            {others.slice(0, 10).map((o) => (
              <li key={o.key}>
                <button
                  type="button"
                  className="link-button"
                  dir="auto"
                  onClick={() => void change({ kind: 'merge', key: entity.key, targetKey: o.key }, `Merged “${entity.name}” into “${o.name}”.`).then(() => setMergeFilter(''))}
                >
                  Merge into {o.name}
                </button>{' '}
                ({o.mentions.toLocaleString('en')})
              </li>
            ))}
            {others.length === 0 && <li>No other entry of this kind matches.</li>}
          </ul>
        )}
        {entity.variants.length > 1 && (
          <ul className="entity-list" aria-label="Spellings">
            {entity.variants.map((v) => (
              <li key={v.key}>
                <bdi>{v.name}</bdi> ({v.mentions.toLocaleString('en')}){' '}
                <button type="button" className="link-button" onClick={() => void change({ kind: 'split', key: entity.key, targetKey: v.key }, `“${v.name}” is an entry of its own.`)}>
                  Split off “{v.name}”
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="entity-mentions-title">
        <h3 id="entity-mentions-title">
          Mentions{mentions.length < totalMentions ? ` (the first ${mentions.length.toLocaleString('en')} of ${totalMentions.toLocaleString('en')})` : ''}
        </h3>
        <ol className="entity-mentions">
          {mentions.map((m) => (
            <li key={`${m.documentId}:${m.start}`}>
              <button type="button" className="entity-mention" onClick={() => onOpenMention(m)} aria-label={`Open “${m.text}” in ${m.title}, paragraph ${m.paragraph}`}>
                <span className="entity-mention-where">
                  {m.title} · ¶{m.paragraph}
                </span>
                <span dir="auto">
                  {m.left}
                  <mark>{m.text}</mark>
                  {m.right}
                </span>
              </button>
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="entity-with-title">
        <h3 id="entity-with-title">Named with it</h3>
        {cooccurring.length === 0 ? (
          <p className="analysis-hint">No other entry is named in the same paragraphs.</p>
        ) : (
          <ul className="entity-list entity-cooccurring">
            {cooccurring.map((c) => (
              <li key={c.key}>
                <button type="button" className="link-button" dir="auto" onClick={() => onEntity(c.key)}>
                  {c.name}
                </button>{' '}
                <span className="analysis-hint">
                  {ENTITY_TYPE_LABELS[c.type]}, {c.paragraphs.toLocaleString('en')} paragraph{c.paragraphs === 1 ? '' : 's'}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}
