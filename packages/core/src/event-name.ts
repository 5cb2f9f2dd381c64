import { containsEmail, EMAIL_SCAN_MARGIN } from './email';
import { isPlainObject } from './plain-object';
import { cutText, isPositiveInteger } from './text';

/** How analytics event names become Hotjar event names. */
export interface EventNameOptions {
  /** `'sanitize'` rewrites characters Hotjar does not accept; `'strict'` gives `null` for any name that would need a change. @default 'sanitize' */
  mode?: 'sanitize' | 'strict';
  /** Longest name sent; longer names are cut. @default 250 */
  maxLength?: number;
}

/** Why an event name could not be sent (and a page path with an email address was not). An open set. */
export type EventNameProblem = 'not-a-string' | 'empty' | 'contains-email' | 'needs-change';

/** What `mapEventName` gives: the name and whether it differs from the one given, or why there is none. */
export type MappedEventName = { name: string; changed: boolean } | { name: null; problem: EventNameProblem };

export const EVENT_NAME_DEFAULTS = { mode: 'sanitize', maxLength: 250 } as const satisfies Required<EventNameOptions>;

// Hotjar accepts letters, digits, spaces and `_ - . : | /`. Letters, marks and digits of every
// script are kept so that names in any language survive; everything else collapses to one '_'.
const NOT_ACCEPTED = /[^\p{L}\p{M}\p{N} _\-.:|/]+/gu;
const EDGES = /^[\s_]+|[\s_]+$/g;

/** Like `toHotjarEventName`, and says what changed or why the name was refused. */
export function mapEventName(name: unknown, options?: EventNameOptions): MappedEventName {
  if (typeof name !== 'string') return { name: null, problem: 'not-a-string' };
  if (name.trim() === '') return { name: null, problem: 'empty' };
  const given = isPlainObject(options) ? options : {};
  const maxLength = isPositiveInteger(given.maxLength) ? given.maxLength : EVENT_NAME_DEFAULTS.maxLength;
  // Only what can be sent is read and cleaned, so the cost follows the name's limit.
  if (containsEmail(name, maxLength)) return { name: null, problem: 'contains-email' };
  const cleaned = cutText(name, maxLength + EMAIL_SCAN_MARGIN)
    .normalize('NFC')
    .replace(NOT_ACCEPTED, '_')
    .replace(EDGES, '');
  // Trimmed again after the cut so that a cut never leaves a trailing space.
  const mapped = cutText(cleaned, maxLength).replace(EDGES, '');
  if (mapped === '') return { name: null, problem: 'empty' };
  const changed = mapped !== name;
  if (changed && given.mode === 'strict') return { name: null, problem: 'needs-change' };
  return { name: mapped, changed };
}

/**
 * Maps an analytics event name to a Hotjar event name, or `null` when it cannot be sent
 * (not a string, empty, or carrying an email address). Never throws.
 */
export function toHotjarEventName(name: unknown, options?: EventNameOptions): string | null {
  return mapEventName(name, options).name;
}
