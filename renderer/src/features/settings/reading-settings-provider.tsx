import { createContext, useCallback, useContext, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { DEFAULT_READING_SETTINGS, stepTextSize, type ReadingSettings, type ThemeChoice } from '@common/settings/reading-settings';
import { useCommands } from '../../shared/commands/command-provider';
import { useApiMutation } from '../../shared/data/use-api-mutation';
import { useApiQuery } from '../../shared/data/use-api-query';
import { applyReadingSettings } from './appearance';
import { useSystemDark } from './use-system-dark';

type ReadingSettingsApi = {
  settings: ReadingSettings;
  /** Applies at once and saves; a save that fails is said in the settings view (the change still applies). */
  change: (change: Partial<ReadingSettings>) => void;
  /** Why the settings could not be saved, if the last save failed. */
  saveProblem: string | undefined;
};

const ReadingSettingsContext = createContext<ReadingSettingsApi | null>(null);

const THEME_WORDS: Record<ThemeChoice, string> = { system: 'as the system', light: 'light', dark: 'dark', sepia: 'sepia' };

/**
 * Holds the theme and reading typography for every view (the unlock prompt and the recovery panel
 * too: they live in a file of their own, not in the notes), puts them on the root element, and
 * binds the commands that change them. Until the saved settings arrive the system's theme shows.
 */
export function ReadingSettingsProvider({ children }: { children: ReactNode }) {
  const saved = useApiQuery('getReadingSettings', undefined);
  const save = useApiMutation('changeReadingSettings', { failure: 'The reading settings were not saved' });
  // Changes made here win over the saved answer until it comes back with them.
  const [local, setLocal] = useState<ReadingSettings | null>(null);
  const settings = local ?? saved.value?.settings ?? DEFAULT_READING_SETTINGS;
  const latest = useRef(settings);
  useLayoutEffect(() => {
    latest.current = settings;
  }, [settings]);
  const [saveProblem, setSaveProblem] = useState<string>();
  const [announcement, setAnnouncement] = useState('');
  const systemDark = useSystemDark();

  useLayoutEffect(() => applyReadingSettings(document.documentElement, settings, systemDark), [settings, systemDark]);
  const problem = saveProblem ?? saved.value?.saveProblem;

  const { run } = save;
  const { setValue } = saved;
  const change = useCallback(
    (change: Partial<ReadingSettings>) => {
      const next = { ...latest.current, ...change };
      latest.current = next;
      setLocal(next);
      void run(change).then((result) => {
        if (!result.ok) return;
        setValue(() => result.value);
        setSaveProblem(result.value.saveProblem ?? '');
      });
    },
    [run, setValue],
  );

  // Each step counts from the latest size, so two quick presses make two steps.
  const sizeBy = useCallback(
    (step: 1 | -1 | 0) => {
      const size = step === 0 ? DEFAULT_READING_SETTINGS.textSize : stepTextSize(latest.current.textSize, step);
      change({ textSize: size });
      setAnnouncement(`Text size ${size} pixels`);
    },
    [change],
  );
  const theme = useCallback(
    (theme: ThemeChoice) => {
      change({ theme });
      setAnnouncement(`Theme: ${THEME_WORDS[theme]}`);
    },
    [change],
  );
  useCommands({
    'text-larger': { run: () => sizeBy(1) },
    'text-smaller': { run: () => sizeBy(-1) },
    'text-reset': { run: () => sizeBy(0) },
    'theme-system': { run: () => theme('system') },
    'theme-light': { run: () => theme('light') },
    'theme-dark': { run: () => theme('dark') },
    'theme-sepia': { run: () => theme('sepia') },
  });

  const api = useMemo(() => ({ settings, change, saveProblem: problem || undefined }), [settings, change, problem]);
  return (
    <ReadingSettingsContext.Provider value={api}>
      {children}
      {/* What a key or menu command changed, said to a screen reader (nothing on screen moves). */}
      <p className="visually-hidden" role="status" data-testid="settings-announcement">
        {announcement}
      </p>
    </ReadingSettingsContext.Provider>
  );
}

export function useReadingSettings(): ReadingSettingsApi {
  const api = useContext(ReadingSettingsContext);
  if (!api) throw new Error('Reading settings need a ReadingSettingsProvider above them.');
  return api;
}
