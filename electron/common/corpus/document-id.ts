/**
 * Document ids, as the builder makes them and the IPC schemas accept them: never empty, at
 * most DOCUMENT_ID_MAX_LENGTH code units, letters, digits, ".", "_", "-" and "/" only.
 */
export const DOCUMENT_ID_MAX_LENGTH = 512;
export const DOCUMENT_ID_PATTERN = /^[\p{L}\p{N}._\-/]+$/u;
