/**
 * The error code of an answer nobody waits for any more: a newer query from the same window
 * took its place. The renderer drops it (it is never shown).
 */
export const SUPERSEDED = 'superseded';
