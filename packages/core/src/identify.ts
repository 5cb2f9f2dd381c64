import { containsEmail, isEmail } from './email';
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

type Scalar = { value: HotjarAttributeValue } | { reason: DropReason };

function toScalar(value: unknown): Scalar {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return { value };
    case 'number':
      if (!Number.isFinite(value)) return { reason: 'not-finite' };
      return Math.abs(value) <= Number.MAX_SAFE_INTEGER
        ? { value: value === 0 ? 0 : value }
        : { reason: 'unsafe-number' };
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
      return Number.isNaN(time) ? { reason: 'invalid-date' } : { value: new Date(time).toISOString() };
    }
  } catch {
    return { reason: 'non-plain-object' };
  }
  return { reason: 'non-plain-object' };
}

/**
 * Maps a user id and traits to what Hotjar's identify accepts, following Hotjar's rules for
 * user attributes. Never throws and never mutates its input; every trait left out is listed
 * in `dropped` with the reason, every string cut is listed in `truncated`.
 */
export function toHotjarIdentify(userId: unknown, traits: unknown, options?: IdentifyOptions): HotjarIdentify {
  const opts = resolve(options);
  const id = toHotjarUserId(userId);
  const entries: Array<[string, HotjarAttributeValue]> = [];
  const taken = new Set<string>();
  const dropped: HotjarIdentify['dropped'] = [];
  const truncated: string[] = [];
  const drop = (key: string, reason: DropReason) => {
    dropped.push({ key, reason });
  };

  const leaf = (key: string, raw: unknown) => {
    if (key.length > opts.maxKeyLength) return drop(key, 'key-too-long');
    if (taken.has(key)) return drop(key, 'duplicate-key');
    const scalar = toScalar(raw);
    if ('reason' in scalar) return drop(key, scalar.reason);
    let value = scalar.value;
    if (key === 'email') {
      if (typeof value !== 'string' || !isEmail(value) || value.trim().length > opts.maxStringLength) {
        return drop(key, 'invalid-email');
      }
      if (id === null) return drop(key, 'personal-data-without-user-id');
      value = value.trim();
    } else if (typeof value === 'string' && containsEmail(value)) {
      return drop(key, 'email-in-wrong-key');
    }
    if (entries.length >= opts.maxAttributes) return drop(key, 'attribute-limit');
    if (typeof value === 'string' && value.length > opts.maxStringLength) {
      value = cutText(value, opts.maxStringLength);
      truncated.push(key);
    }
    taken.add(key);
    entries.push([key, value]);
  };

  // `ancestors` holds the objects on the path from the root, so a cycle is caught where it
  // closes; depth is bounded because every level lengthens the key and long keys stop the walk.
  const walk = (object: Record<string, unknown>, prefix: string, ancestors: object[]) => {
    let keys: string[];
    try {
      keys = Object.keys(object);
    } catch {
      return drop(prefix, 'unreadable');
    }
    for (const name of keys) {
      const key = prefix === '' ? name : prefix + opts.separator + name;
      if (name === '') {
        drop(key, 'empty-key');
        continue;
      }
      let value: unknown;
      try {
        value = object[name];
      } catch {
        drop(key, 'getter-threw');
        continue;
      }
      if (!isPlainObject(value)) {
        leaf(key, value);
      } else if (ancestors.includes(value)) {
        drop(key, 'cycle');
      } else if (opts.nested === 'reject') {
        drop(key, 'nested');
      } else if (key.length + opts.separator.length + 1 > opts.maxKeyLength) {
        // Every key below this one would be longer still.
        drop(key, 'key-too-long');
      } else {
        ancestors.push(value);
        walk(value, key, ancestors);
        ancestors.pop();
      }
    }
  };

  if (isPlainObject(traits)) walk(traits, '', [traits]);
  return { userId: id, attributes: Object.fromEntries(entries), dropped, truncated };
}
