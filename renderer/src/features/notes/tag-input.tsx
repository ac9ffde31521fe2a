import { useId, useState, type KeyboardEvent } from 'react';
import { cleanTag, hasVisibleCharacter } from '@common/notes/user-text';
import { useApiQuery } from '../../shared/data/use-api-query';

type Props = {
  tags: readonly string[];
  onChange: (tags: string[]) => void;
  label?: string;
};

const SUGGESTIONS = 12;

/** Tags as removable chips plus a field that suggests existing tags (most used first). */
export function TagInput({ tags, onChange, label = 'Tags' }: Props) {
  const [draft, setDraft] = useState('');
  // The last suggestions stay while the ones for a longer draft are on their way.
  const listed = useApiQuery('listTags', { prefix: draft.trim() || undefined, limit: SUGGESTIONS }, { keepPrevious: true });
  const suggestions = listed.value ?? [];
  const listId = useId();
  const inputId = useId();

  const [hint, setHint] = useState<string | null>(null);
  const add = (raw: string) => {
    // Cleaned as it will be stored: invisible and direction-control characters dropped.
    const tag = cleanTag(raw);
    setDraft('');
    const visible = hasVisibleCharacter(tag);
    setHint(!visible && /\P{White_Space}/u.test(raw) ? 'Not added: a tag needs at least one visible letter, digit or symbol, and this one had only invisible characters.' : null);
    if (!visible || tags.some((t) => t.toLocaleLowerCase() === tag.toLocaleLowerCase())) return;
    onChange([...tags, tag]);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' || event.key === ',') {
      event.preventDefault();
      add(draft);
    } else if (event.key === 'Backspace' && draft === '' && tags.length > 0) {
      onChange(tags.slice(0, -1));
    }
  };

  return (
    <div className="tag-input">
      <label className="field-label" htmlFor={inputId}>
        {label}
      </label>
      <ul className="tag-list" aria-label={label}>
        {tags.map((tag) => (
          <li key={tag} className="tag" dir="auto">
            {tag}
            <button type="button" className="tag-remove" aria-label={`Remove tag ${tag}`} onClick={() => onChange(tags.filter((t) => t !== tag))}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <input
        id={inputId}
        className="tag-field"
        list={listId}
        value={draft}
        dir="auto"
        placeholder="Add a tag, Enter"
        autoComplete="off"
        onChange={(event) => {
          const value = event.target.value;
          // Choosing a suggestion from the list replaces the whole value: take it as a tag.
          if (suggestions.some((s) => s.name === value) && value.length - draft.length > 1) add(value);
          else setDraft(value);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => draft.trim() && add(draft)}
      />
      {hint && <p className="tag-hint">{hint}</p>}
      {listed.error && <p className="tag-hint">Existing tags cannot be suggested: {listed.error.message}</p>}
      <datalist id={listId}>
        {suggestions
          .filter((s) => !tags.includes(s.name))
          .map((s) => (
            <option key={s.name} value={s.name}>
              {`${s.name} (${s.count})`}
            </option>
          ))}
      </datalist>
    </div>
  );
}
