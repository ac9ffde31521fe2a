import { z } from 'zod';
import { readSettingsPart, writeSettingsPart } from './settings-file';

export type Bounds = { x: number; y: number; width: number; height: number };

/** The window as it was left: its normal (not maximised) bounds, whether maximised, and the document open per corpus. */
export type WindowState = { bounds?: Bounds; maximized?: boolean; lastDocuments?: Record<string, string> };

const MAX_SIDE = 100_000;
const boundsSchema = z.object({
  x: z.number().int().min(-MAX_SIDE).max(MAX_SIDE),
  y: z.number().int().min(-MAX_SIDE).max(MAX_SIDE),
  width: z.number().int().min(1).max(MAX_SIDE),
  height: z.number().int().min(1).max(MAX_SIDE),
});
/** Corpora whose last document is kept (the most recent first). */
const MAX_CORPORA = 50;

export type WindowStateFile = {
  read(): WindowState;
  /** Saves the bounds; a failed save is said (returned), never thrown: the window is not worth a crash. */
  saveBounds(bounds: Bounds, maximized: boolean): string | undefined;
  /** The document open in a corpus, or null when the reader was closed. */
  saveLastDocument(corpusId: string, documentId: string | null): string | undefined;
  lastDocument(corpusId: string): string | null;
};

/** Each field read on its own: a bad one (a hand edit) is dropped, the others kept. */
function parse(raw: unknown): WindowState {
  if (!raw || typeof raw !== 'object') return {};
  const value = raw as Record<string, unknown>;
  const state: WindowState = {};
  const bounds = boundsSchema.safeParse(value.bounds);
  if (bounds.success) state.bounds = bounds.data;
  if (typeof value.maximized === 'boolean') state.maximized = value.maximized;
  const docs = z.record(z.string().max(512), z.string().max(512)).safeParse(value.lastDocuments);
  if (docs.success) state.lastDocuments = docs.data;
  return state;
}

/** The window's part of the settings file (`window`), beside the reading settings; without a file it lasts one session. */
export function openWindowState(file: string | undefined): WindowStateFile {
  let memory: WindowState = file ? parse(readSettingsPart(file, 'window')) : {};
  const save = (next: WindowState): string | undefined => {
    memory = next;
    if (!file) return undefined;
    try {
      writeSettingsPart(file, 'window', next);
      return undefined;
    } catch (error) {
      return `Carrel could not remember its window: ${(error as Error).message}`;
    }
  };
  return {
    read: () => ({ ...memory }),
    saveBounds: (bounds, maximized) => save({ ...memory, bounds: boundsSchema.parse(roundBounds(bounds)), maximized }),
    saveLastDocument(corpusId, documentId) {
      const others = Object.entries(memory.lastDocuments ?? {}).filter(([id]) => id !== corpusId);
      const entries = documentId === null ? others : [[corpusId, documentId] as [string, string], ...others];
      return save({ ...memory, lastDocuments: Object.fromEntries(entries.slice(0, MAX_CORPORA)) });
    },
    lastDocument: (corpusId) => memory.lastDocuments?.[corpusId] ?? null,
  };
}

const roundBounds = (b: Bounds): Bounds => ({ x: Math.round(b.x), y: Math.round(b.y), width: Math.round(b.width), height: Math.round(b.height) });

/** Least of the window that must show on a display for it to be found there (title bar and a little more). */
const MIN_VISIBLE = { width: 120, height: 60 };

/**
 * Where the window opens: as it was left, when enough of it lies on a display that is there
 * now — shrunk to fit that display's work area and moved inside it; otherwise the default size,
 * placed by the system (no x/y). Displays change between launches (a monitor unplugged).
 */
export function placeWindow(saved: Bounds | undefined, workAreas: readonly Bounds[], defaults: { width: number; height: number }): Partial<Bounds> & { width: number; height: number } {
  if (!saved) return { ...defaults };
  const overlap = (area: Bounds) => {
    const width = Math.min(saved.x + saved.width, area.x + area.width) - Math.max(saved.x, area.x);
    const height = Math.min(saved.y + saved.height, area.y + area.height) - Math.max(saved.y, area.y);
    return width >= MIN_VISIBLE.width && height >= MIN_VISIBLE.height ? width * height : 0;
  };
  const area = [...workAreas].sort((a, b) => overlap(b) - overlap(a))[0];
  if (!area || overlap(area) === 0) {
    // Off every display: a size that fits the first one, placed by the system.
    const first = workAreas[0];
    return {
      width: Math.min(defaults.width, saved.width, first?.width ?? Infinity),
      height: Math.min(defaults.height, saved.height, first?.height ?? Infinity),
    };
  }
  const width = Math.min(saved.width, area.width);
  const height = Math.min(saved.height, area.height);
  const x = Math.min(Math.max(saved.x, area.x), area.x + area.width - width);
  const y = Math.min(Math.max(saved.y, area.y), area.y + area.height - height);
  return { x, y, width, height };
}
