import { createHash } from 'node:crypto';

/**
 * A UUID-shaped GUID derived from a kind and an id (name-based, SHA-1 as UUID version 5 is): the
 * same code, document or passage gets the same GUID in every export, so a re-import can match them.
 */
export function refiGuid(kind: string, id: string): string {
  const bytes = createHash('sha1').update(`carrel:${kind}:${id}`, 'utf8').digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
