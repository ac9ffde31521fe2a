import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { CSL_TYPES, type CslType, type DocumentDetailsInput } from '@common/citations/citation-types';
import { trapTab } from '../../shared/commands/trap-tab';
import { useApiMutation } from '../../shared/data/use-api-mutation';
import { useApiQuery } from '../../shared/data/use-api-query';

const TYPE_LABELS: Record<CslType, string> = {
  'article-newspaper': 'Newspaper or news site article',
  'article-magazine': 'Magazine article',
  'article-journal': 'Journal article',
  webpage: 'Web page',
  'post-weblog': 'Blog post',
  report: 'Report',
  book: 'Book',
  chapter: 'Book chapter',
  document: 'Other document',
};

const INVALIDATES = ['getDocumentDetails', 'formatCitation'] as const;

/**
 * "Edit details…": the document's bibliographic details, as the corpus gave them or as the user
 * changed them. Kept in the notes database (never in the corpus file); "Use the corpus's details"
 * forgets the changes. Esc or Cancel closes without saving; Tab stays inside.
 */
export function EditDetailsDialog({ documentId, onClose }: { documentId: string; onClose: () => void }) {
  const titleId = useId();
  const details = useApiQuery('getDocumentDetails', { documentId });
  const save = useApiMutation('saveDocumentDetails', { report: 'inline', failure: 'The details were not saved', invalidates: INVALIDATES });
  const reset = useApiMutation('resetDocumentDetails', { report: 'inline', failure: 'The details were not reset', invalidates: INVALIDATES });
  const [fields, setFields] = useState<DocumentDetailsInput | null>(null);
  const firstRef = useRef<HTMLInputElement>(null);
  const opener = useRef<Element | null>(document.activeElement);
  const shown = fields ?? details.value?.fields ?? null;

  // Focus goes to the first field once, when the fields first appear.
  const ready = shown !== null;
  useEffect(() => {
    if (ready) firstRef.current?.focus();
  }, [ready]);

  const close = () => {
    onClose();
    (opener.current as HTMLElement | null)?.focus?.();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close();
    } else trapTab(event);
  };
  const set = <K extends keyof DocumentDetailsInput>(key: K, value: DocumentDetailsInput[K]) => setFields({ ...shown!, [key]: value });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!shown) return;
    const result = await save.run({ documentId, fields: { ...shown, authors: shown.authors.map((a) => a.trim()).filter(Boolean) } });
    if (result.ok) close();
  };
  const backToCorpus = async () => {
    const result = await reset.run({ documentId });
    if (result.ok) setFields(result.value.fields);
  };
  const ids = { type: useId(), title: useId(), authors: useId(), date: useId(), container: useId(), publisher: useId(), url: useId(), page: useId() };
  const error = save.error ?? reset.error;

  return (
    <div className="dialog-backdrop" onMouseDown={(event) => event.target === event.currentTarget && close()}>
      <div className="details-dialog" role="dialog" aria-modal="true" aria-labelledby={titleId} onKeyDown={onKeyDown}>
        <h2 id={titleId} className="dialog-title">
          Edit details
        </h2>
        {details.error && (
          <p className="inline-error" role="alert">
            The details could not be read: {details.error.message}
          </p>
        )}
        {shown && (
          <form className="details-form" onSubmit={(event) => void submit(event)}>
            <p className="panel-hint">
              {details.value?.edited ? 'You changed these details; they are kept with your notes.' : 'From the corpus. Your changes are kept with your notes, not in the corpus file.'}
            </p>
            <label htmlFor={ids.title}>Title</label>
            <input id={ids.title} ref={firstRef} type="text" dir="auto" required value={shown.title} onChange={(e) => set('title', e.target.value)} />
            <label htmlFor={ids.authors}>Authors, one per line (“Family, Given” or as written)</label>
            <textarea id={ids.authors} dir="auto" rows={3} value={shown.authors.join('\n')} onChange={(e) => set('authors', e.target.value.split('\n'))} />
            <label htmlFor={ids.date}>Date (YYYY, YYYY-MM or YYYY-MM-DD)</label>
            <input id={ids.date} type="text" inputMode="numeric" value={shown.date} onChange={(e) => set('date', e.target.value)} />
            <label htmlFor={ids.container}>Source or outlet</label>
            <input id={ids.container} type="text" dir="auto" value={shown.containerTitle} onChange={(e) => set('containerTitle', e.target.value)} />
            <label htmlFor={ids.publisher}>Publisher</label>
            <input id={ids.publisher} type="text" dir="auto" value={shown.publisher} onChange={(e) => set('publisher', e.target.value)} />
            <label htmlFor={ids.url}>Address (URL)</label>
            <input id={ids.url} type="text" dir="ltr" value={shown.url} onChange={(e) => set('url', e.target.value)} />
            <label htmlFor={ids.page}>Pages</label>
            <input id={ids.page} type="text" value={shown.page} onChange={(e) => set('page', e.target.value)} />
            <label htmlFor={ids.type}>Kind of document</label>
            <select id={ids.type} value={shown.type} onChange={(e) => set('type', e.target.value as CslType)}>
              {CSL_TYPES.map((type) => (
                <option key={type} value={type}>
                  {TYPE_LABELS[type]}
                </option>
              ))}
            </select>
            {error && (
              <p className="inline-error" role="alert">
                {error}
              </p>
            )}
            <div className="dialog-buttons">
              <button type="submit" className="small-button dialog-primary" disabled={save.pending}>
                {save.pending ? 'Saving…' : 'Save details'}
              </button>
              {details.value?.edited && (
                <button type="button" className="small-button" onClick={() => void backToCorpus()} disabled={reset.pending}>
                  Use the corpus’s details
                </button>
              )}
              <button type="button" className="small-button" onClick={close}>
                Cancel
              </button>
            </div>
          </form>
        )}
      </div>
    </div>
  );
}
