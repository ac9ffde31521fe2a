import { useId } from 'react';
import {
  DEFAULT_READING_SETTINGS,
  FONT_CHOICES,
  LINE_HEIGHTS,
  LINE_WIDTHS,
  PARAGRAPH_SPACINGS,
  TEXT_SIZES,
  THEME_CHOICES,
  type ReadingSettings,
} from '@common/settings/reading-settings';
import { useShortcuts } from '../../shared/commands/command-provider';
import { useReadingSettings } from './reading-settings-provider';
import './settings.css';

const WORDS = {
  theme: { system: 'As the system', light: 'Light', dark: 'Dark', sepia: 'Sepia' },
  font: { serif: 'Serif (Noto Serif)', sans: 'Sans serif (Noto Sans)' },
  lineHeight: { compact: 'Compact', normal: 'Normal', relaxed: 'Relaxed', loose: 'Loose' },
  lineWidth: { narrow: 'Narrow', medium: 'Medium', wide: 'Wide' },
  paragraphSpacing: { none: 'None', small: 'Small', medium: 'Medium', large: 'Large' },
} as const;

type Choice = 'theme' | 'font' | 'lineHeight' | 'lineWidth' | 'paragraphSpacing';

function Choices<K extends Choice>({ field, legend, values }: { field: K; legend: string; values: readonly ReadingSettings[K][] }) {
  const { settings, change } = useReadingSettings();
  const name = useId();
  const words = WORDS[field] as Record<string, string>;
  return (
    <fieldset className="settings-choices">
      <legend>{legend}</legend>
      {values.map((value) => (
        <label key={value} className="settings-choice">
          <input type="radio" name={name} value={value} checked={settings[field] === value} onChange={() => change({ [field]: value })} />
          {words[value]}
        </label>
      ))}
    </fieldset>
  );
}

/** The theme and the reading typography; every change applies at once and is remembered. */
export function ReadingSettingsPanel() {
  const { settings, change, saveProblem } = useReadingSettings();
  const sizeId = useId();
  const [larger] = useShortcuts('text-larger');
  const [smaller] = useShortcuts('text-smaller');
  const [reset] = useShortcuts('text-reset');
  const at = TEXT_SIZES.indexOf(settings.textSize);
  return (
    <div className="reading-settings">
      {saveProblem && (
        <p className="inline-error" role="alert">
          {saveProblem}
        </p>
      )}
      <Choices field="theme" legend="Theme" values={THEME_CHOICES} />
      <Choices field="font" legend="Font" values={FONT_CHOICES} />
      <div className="settings-size">
        <label htmlFor={sizeId}>Text size</label>
        <button type="button" className="small-button" aria-label="Smaller text" disabled={at === 0} onClick={() => change({ textSize: TEXT_SIZES[at - 1] })}>
          A−
        </button>
        <select id={sizeId} value={settings.textSize} onChange={(e) => change({ textSize: Number(e.target.value) as ReadingSettings['textSize'] })}>
          {TEXT_SIZES.map((size) => (
            <option key={size} value={size}>
              {size} px{size === DEFAULT_READING_SETTINGS.textSize ? ' (default)' : ''}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="small-button"
          aria-label="Larger text"
          disabled={at === TEXT_SIZES.length - 1}
          onClick={() => change({ textSize: TEXT_SIZES[at + 1] })}
        >
          A+
        </button>
        <span className="settings-hint">
          {larger} larger, {smaller} smaller, {reset} default
        </span>
      </div>
      <Choices field="lineHeight" legend="Line height" values={LINE_HEIGHTS} />
      <Choices field="lineWidth" legend="Line width" values={LINE_WIDTHS} />
      <Choices field="paragraphSpacing" legend="Space between paragraphs" values={PARAGRAPH_SPACINGS} />
      <section className="settings-preview" aria-labelledby={`${sizeId}-preview`}>
        <h2 id={`${sizeId}-preview`} className="panel-title">
          Preview
        </h2>
        {/* Set as the reader sets a document: each paragraph takes its own direction. */}
        <div className="settings-preview-text">
          <p dir="auto" lang="en">
            The letter from <bdi lang="ar">عبد الرحمن بن خلدون</bdi> reached Cairo in 1382, two years after he left Tunis.
          </p>
          <p dir="auto" lang="ar">
            قال ابن خلدون إن العلم بالتاريخ يحتاج إلى مآخذ متعددة ومعارف متنوعة.
          </p>
        </div>
      </section>
    </div>
  );
}
