import { useSyncExternalStore } from 'react';
import type { PlaceSource, ReadingPlace } from '../../shared/reader-types';

/** The reading place, re-rendering only the component that follows it. */
export function usePlace(source: PlaceSource): ReadingPlace {
  return useSyncExternalStore(source.subscribe, source.get);
}
