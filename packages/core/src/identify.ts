import { containsEmail, isEmail } from './email';
import { isoString } from './iso-date';
import { isPlainObject } from './plain-object';
import { cutText, isPositiveInteger } from './text';

/** Why a trait did not become a Hotjar user attribute. */
export type DropReason =
  | 'null'
  | 'undefined'
  | 'not-finite'
  | 'unsafe-number'
  | 'bigint-out-of-range'
  | 'function'
  | 'symbol'
  | 'array'
  | 'non-plain-object'
  | 'invalid-date'
  | 'getter-threw'
  | 'unreadable'
  | 'empty-key'
  | 'cycle'
  | 'nested'
  | 'duplicate-key'
  | 'key-too-long'
  | 'email-in-wrong-key'
  | 'invalid-email'
  | 'personal-data-without-user-id'
  | 'attribute-limit';

/** How traits become Hotjar user attributes. */
export interface IdentifyOptions {
  /** Nested plain objects: `'flatten'` joins their keys with `separator`; `'reject'` drops the whole value, as Hotjar itself would. @default 'flatten' */
  nested?: 'flatten' | 'reject';
  /** Joins the keys of a flattened nested object: `{ address: { city } }` gives `address_city`. @default '_' */
  separator?: string;
  /** Longest attribute name kept; longer names are dropped, not cut, because cut names can collide. @default 50 */
  maxKeyLength?: number;
  /** Longest string value; longer strings are cut to this length and listed in `truncated`. @default 200 */
  maxStringLength?: number;
  /** Most attributes sent in one identify call; Hotjar keeps at most 100 per site. @default 100 */
  maxAttributes?: number;
}

/** A value Hotjar accepts as a user attribute. */
export type HotjarAttributeValue = string | number | boolean;

/** What `toHotjarIdentify` produces: the arguments of `hj('identify', userId, attributes)` and what was left out. */
export interface HotjarIdentify {
  userId: string | null;
  attributes: Record<string, HotjarAttributeValue>;
  dropped: Array<{ key: string; reason: DropReason }>;
  truncated: string[];
}

export const IDENTIFY_DEFAULTS = {
  nested: 'flatten',
  separator: '_',
  maxKeyLength: 50,
  maxStringLength: 200,
  maxAttributes: 100,
} as const satisfies Required<IdentifyOptions>;

/** Options as the mapping uses them: a bad value falls back to its default (the bridge's factory is where bad options are reported). */
function resolve(options: unknown): Required<IdentifyOptions> {
  const given = isPlainObject(options) ? options : {};
  return {
    nested: given.nested === 'reject' ? 'reject' : 'flatten',
    separator: typeof given.separator === 'string' ? given.separator : IDENTIFY_DEFAULTS.separator,
    maxKeyLength: isPositiveInteger(given.maxKeyLength) ? given.maxKeyLength : IDENTIFY_DEFAULTS.maxKeyLength,
    maxStringLength: isPositiveInteger(given.maxStringLength)
      ? given.maxStringLength
      : IDENTIFY_DEFAULTS.maxStringLength,
    maxAttributes: isPositiveInteger(given.maxAttributes) ? given.maxAttributes : IDENTIFY_DEFAULTS.maxAttributes,
  };
}

/** A stable id from the site's user database, or `null`: never an empty string or an object. */
export function toHotjarUserId(userId: unknown): string | null {
  if (typeof userId === 'string') {
    const trimmed = userId.trim();
    return trimmed === '' ? null : trimmed;
  }
  if (typeof userId === 'number' && Number.isFinite(userId)) return String(userId);
  return null;
}

type Converted = { value: HotjarAttributeValue } | { reason: DropReason };

/** Values other than strings, finite numbers and booleans: the slow path, kept out of the hot loop. */
function convert(value: unknown): Converted {
  switch (typeof value) {
    case 'number':
      return { reason: Number.isFinite(value) ? 'unsafe-number' : 'not-finite' };
    case 'bigint':
      return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= -BigInt(Number.MAX_SAFE_INTEGER)
        ? { value: Number(value) }
        : { reason: 'bigint-out-of-range' };
    case 'undefined':
      return { reason: 'undefined' };
    case 'function':
      return { reason: 'function' };
    case 'symbol':
      return { reason: 'symbol' };
  }
  if (value === null) return { reason: 'null' };
  try {
    if (Array.isArray(value)) return { reason: 'array' };
    if (Object.prototype.toString.call(value) === '[object Date]') {
      const time = Date.prototype.getTime.call(value);
      return Number.isNaN(time) ? { reason: 'invalid-date' } : { value: isoString(time) };
    }
  } catch {
    // A revoked Proxy: nothing Hotjar can take.
  }
  return { reason: 'non-plain-object' };
}

/** The state of one mapping, passed to plain functions rather than closed over, for speed. */
interface Mapping {
  opts: Required<IdentifyOptions>;
  result: HotjarIdentify;
  count: number;
  /** Set once a nested object has been walked: only then can two traits produce the same key. */
  flattened: boolean;
}

function drop(m: Mapping, key: string, reason: DropReason): undefined {
  m.result.dropped.push({ key, reason });
}

function addLeaf(m: Mapping, key: string, raw: unknown): undefined {
  const { opts, result } = m;
  if (key.length > opts.maxKeyLength) return drop(m, key, 'key-too-long');
  if (m.flattened && Object.prototype.hasOwnProperty.call(result.attributes, key)) return drop(m, key, 'duplicate-key');
  let value: HotjarAttributeValue;
  if (typeof raw === 'string') {
    if (key === 'email') {
      value = raw.trim();
      if (!isEmail(value) || value.length > opts.maxStringLength) return drop(m, key, 'invalid-email');
      if (result.userId === null) return drop(m, key, 'personal-data-without-user-id');
    } else if (containsEmail(raw)) {
      return drop(m, key, 'email-in-wrong-key');
    } else {
      value = raw;
    }
  } else if (typeof raw === 'boolean') {
    value = raw;
  } else if (typeof raw === 'number' && Math.abs(raw) <= Number.MAX_SAFE_INTEGER) {
    value = raw === 0 ? 0 : raw;
  } else {
    const converted = convert(raw);
    if ('reason' in converted) return drop(m, key, converted.reason);
    value = converted.value;
  }
  // Anything but a string (a Date's ISO text included) is never an email address.
  if (key === 'email' && typeof raw !== 'string') return drop(m, key, 'invalid-email');
  if (m.count >= opts.maxAttributes) return drop(m, key, 'attribute-limit');
  if (typeof value === 'string' && value.length > opts.maxStringLength) {
    value = cutText(value, opts.maxStringLength);
    result.truncated.push(key);
  }
  m.count++;
  // Assigning to "__proto__" would set the prototype instead of adding an attribute.
  if (key === '__proto__') Object.defineProperty(result.attributes, key, { value, enumerable: true, writable: true });
  else result.attributes[key] = value;
}

// `ancestors` holds the objects on the path from the root, so a cycle is caught where it
// closes; depth is bounded because every level lengthens the key and long keys stop the walk.
function walk(m: Mapping, object: Record<string, unknown>, prefix: string, ancestors: object[]): undefined {
  let keys: string[];
  try {
    keys = Object.keys(object);
  } catch {
    return drop(m, prefix, 'unreadable');
  }
  const { separator, nested, maxKeyLength } = m.opts;
  for (const name of keys) {
    const key = prefix === '' ? name : prefix + separator + name;
    if (name === '') {
      drop(m, key, 'empty-key');
      continue;
    }
    let value: unknown;
    try {
      value = object[name];
    } catch {
      drop(m, key, 'getter-threw');
      continue;
    }
    if (typeof value !== 'object' || value === null || !isPlainObject(value)) {
      addLeaf(m, key, value);
    } else if (ancestors.includes(value)) {
      drop(m, key, 'cycle');
    } else if (nested === 'reject') {
      drop(m, key, 'nested');
    } else if (key.length + separator.length + 1 > maxKeyLength) {
      // Every key below this one would be longer still.
      drop(m, key, 'key-too-long');
    } else {
      ancestors.push(value);
      m.flattened = true;
      walk(m, value, key, ancestors);
      ancestors.pop();
    }
  }
}

/**
 * Maps a user id and traits to what Hotjar's identify accepts, following Hotjar's rules for
 * user attributes. Never throws and never mutates its input; every trait left out is listed
 * in `dropped` with the reason, every string cut is listed in `truncated`.
 */
export function toHotjarIdentify(userId: unknown, traits: unknown, options?: IdentifyOptions): HotjarIdentify {
  const result: HotjarIdentify = { userId: toHotjarUserId(userId), attributes: {}, dropped: [], truncated: [] };
  if (isPlainObject(traits))
    walk(
      { opts: options === undefined ? IDENTIFY_DEFAULTS : resolve(options), result, count: 0, flattened: false },
      traits,
      '',
      [traits],
    );
  return result;
}
