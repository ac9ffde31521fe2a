/**
 * How the window looks and how text is set: the theme and the reading typography. Each is one of
 * a few steps (never a free number), so every value has its own rule in tokens.css and no style
 * attribute is ever needed (the CSP forbids them).
 */

/** 'system' follows the operating system's light or dark preference (prefers-color-scheme). */
export const THEME_CHOICES = ['system', 'light', 'dark', 'sepia'] as const;
export type ThemeChoice = (typeof THEME_CHOICES)[number];
/** What is on screen once 'system' is resolved. */
export type Theme = Exclude<ThemeChoice, 'system'>;

export const FONT_CHOICES = ['serif', 'sans'] as const;
export type FontChoice = (typeof FONT_CHOICES)[number];

/** Reading text sizes in CSS pixels; Ctrl+= and Ctrl+- step through them, Ctrl+0 goes back to the default. */
export const TEXT_SIZES = [14, 15, 16, 18, 20, 22, 24, 28, 32] as const;
export type TextSize = (typeof TEXT_SIZES)[number];

export const LINE_HEIGHTS = ['compact', 'normal', 'relaxed', 'loose'] as const;
export type LineHeight = (typeof LINE_HEIGHTS)[number];

export const LINE_WIDTHS = ['narrow', 'medium', 'wide'] as const;
export type LineWidth = (typeof LINE_WIDTHS)[number];

export const PARAGRAPH_SPACINGS = ['none', 'small', 'medium', 'large'] as const;
export type ParagraphSpacing = (typeof PARAGRAPH_SPACINGS)[number];

export type ReadingSettings = {
  theme: ThemeChoice;
  font: FontChoice;
  textSize: TextSize;
  lineHeight: LineHeight;
  lineWidth: LineWidth;
  paragraphSpacing: ParagraphSpacing;
};

/** As Carrel looked before these settings existed: the system's theme, serif 18 px, 1.65 leading, a 40rem column. */
export const DEFAULT_READING_SETTINGS: Readonly<ReadingSettings> = {
  theme: 'system',
  font: 'serif',
  textSize: 18,
  lineHeight: 'normal',
  lineWidth: 'medium',
  paragraphSpacing: 'medium',
};

/** What the service answers: the settings in force, and why the last change could not be kept if so. */
export type ReadingSettingsState = {
  settings: ReadingSettings;
  /** In words for the user; absent once a save succeeds. The settings still apply until Carrel closes. */
  saveProblem?: string;
};

/** The next size up (+1) or down (-1), staying at the ends. */
export function stepTextSize(size: TextSize, step: 1 | -1): TextSize {
  const at = TEXT_SIZES.indexOf(size);
  return TEXT_SIZES[Math.min(TEXT_SIZES.length - 1, Math.max(0, at + step))]!;
}
