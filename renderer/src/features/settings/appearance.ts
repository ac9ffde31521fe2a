import type { ReadingSettings, Theme, ThemeChoice } from '@common/settings/reading-settings';

/** The theme on screen: the one chosen, or the system's light or dark. */
export function resolveTheme(choice: ThemeChoice, systemPrefersDark: boolean): Theme {
  if (choice !== 'system') return choice;
  return systemPrefersDark ? 'dark' : 'light';
}

/**
 * Puts the settings on the root element as attributes; tokens.css has one rule per value, so no
 * style attribute is ever written (the CSP forbids them). data-theme is the theme on screen.
 */
export function applyReadingSettings(root: HTMLElement, settings: ReadingSettings, systemPrefersDark: boolean): void {
  root.dataset.theme = resolveTheme(settings.theme, systemPrefersDark);
  root.dataset.themeChoice = settings.theme;
  root.dataset.font = settings.font;
  root.dataset.textSize = String(settings.textSize);
  root.dataset.lineHeight = settings.lineHeight;
  root.dataset.lineWidth = settings.lineWidth;
  root.dataset.paragraphSpacing = settings.paragraphSpacing;
}
