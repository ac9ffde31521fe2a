import type { z } from 'zod';

/** No message crossing IPC is longer than this (UTF-16 code units): enough for a reason and a file path. */
export const MAX_ERROR_MESSAGE = 1000;
/** A key or a path element quoted in a message is cut to this. */
const MAX_QUOTED = 40;

/** `text` cut to `max` code units with "…", never inside a surrogate pair. */
export function capText(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}…`;
}

export const capMessage = (message: string): string => capText(message, MAX_ERROR_MESSAGE);

const quote = (key: PropertyKey) => capText(JSON.stringify(String(key)), MAX_QUOTED);

function placeOf(path: readonly PropertyKey[]): string {
  const place = path.map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i ? '.' : ''}${capText(String(part), MAX_QUOTED)}`)).join('');
  return place ? `${capText(place, 2 * MAX_QUOTED)}: ` : '';
}

/** One issue, briefly: where it is and what is wrong, never the whole list of what was sent. */
function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') {
    const [first] = issue.keys;
    const more = issue.keys.length - 1;
    return `${placeOf(issue.path)}unknown key ${quote(first ?? '')}${more > 0 ? ` (and ${more.toLocaleString('en-US')} more)` : ''}`;
  }
  return `${placeOf(issue.path)}${issue.message}`;
}

/** "Invalid argument for method: the first problem", short whatever the argument held. */
export function invalidArgumentMessage(method: string, issues: readonly z.core.$ZodIssue[]): string {
  const [first] = issues;
  const text = first ? describeIssue(first) : 'rejected';
  return capText(`Invalid argument for ${method}: ${text}`, MAX_ERROR_MESSAGE);
}
