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
// script are kept so that names in any language survive.
const REFUSED = /[^\p{L}\p{M}\p{N} _\-.:|/]+/gu;
const WHITESPACE = /\s/g;
const SPACES = / {2,}/g;
// Each refused run first becomes this marker, itself refused, so none is left from the name
// given. A marker next to a space or at an edge is removed; the others become '_' once the name
// is cut, so that a cut ending on one removes it as at any other edge.
const JOIN = '#';
const JOINS = /#/g;
const LOOSE_JOINS = /(?<=^| )#|#(?= |$)/g;
const CUT_END = /[ #]+$/;

/**
 * The name with Hotjar's characters only, at most `maxLength` long. A refused run that joins two
 * kept characters becomes one '_' (`a#b` gives `a_b`, which keeps them apart); next to a space
 * or at an edge it is removed, so `Order #123 (paid)` reads `Order 123 paid` rather than
 * `Order _123 _paid`. Native replacements only: no callback per run, however many a name holds.
 */
function clean(name: string, maxLength: number): string {
  const kept = name
    .normalize('NFC')
    .replace(WHITESPACE, ' ')
    .replace(REFUSED, JOIN)
    .replace(LOOSE_JOINS, '')
    .replace(SPACES, ' ')
    .trim();
  return cutText(kept, maxLength).replace(CUT_END, '').replace(JOINS, '_');
}

/** Like `toHotjarEventName`, and says what changed or why the name was refused. */
export function mapEventName(name: unknown, options?: EventNameOptions): MappedEventName {
  if (typeof name !== 'string') return { name: null, problem: 'not-a-string' };
  const given = isPlainObject(options) ? options : {};
  const maxLength = isPositiveInteger(given.maxLength) ? given.maxLength : EVENT_NAME_DEFAULTS.maxLength;
  // Only what can be sent is read and cleaned, so the cost follows the name's limit.
  if (containsEmail(name, maxLength)) return { name: null, problem: 'contains-email' };
  const mapped = clean(cutText(name, maxLength + EMAIL_SCAN_MARGIN), maxLength);
  // A blank name, or one of refused characters only.
  if (mapped === '') return { name: null, problem: 'empty' };
  const changed = mapped !== name;
  if (changed && given.mode === 'strict') return { name: null, problem: 'needs-change' };
  return { name: mapped, changed };
}

/**
 * Maps an analytics event name to a Hotjar event name, or `null` when it cannot be sent
 * (not a string, empty, or carrying an email address). Never throws.
 *
 * Hotjar accepts letters, digits, spaces and `_ - . : | /` (letters and digits of any script).
 * Any whitespace counts as a space. A run of other characters between two accepted characters
 * becomes one `_` (`a#b` gives `a_b`); next to a space or at either end it is removed. Spaces
 * then collapse to one and the ends are trimmed: `Order #123 (paid) @ 50% off!` gives
 * `Order 123 paid 50 off`. The name is normalised to NFC and cut to `maxLength`.
 */
export function toHotjarEventName(name: unknown, options?: EventNameOptions): string | null {
  return mapEventName(name, options).name;
}
