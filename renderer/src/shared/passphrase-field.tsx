import { useId } from 'react';
import './passphrase-field.css';

/** A labelled password input: never autocompleted, spell-checked or shown. */
export function PassphraseField({
  label,
  value,
  onChange,
  autoFocus,
  name,
  describedBy,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  autoFocus?: boolean;
  name: string;
  describedBy?: string;
}) {
  const id = useId();
  return (
    <p className="passphrase-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={name}
        type="password"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        autoComplete="off"
        spellCheck={false}
        autoFocus={autoFocus}
        maxLength={1024}
        aria-describedby={describedBy}
      />
    </p>
  );
}
