import { anonymousValue } from './anonymous-value';
import { containsEmail, EMAIL_PLACEHOLDER, EMAIL_SCAN_MARGIN, isEmail, shortenedWithoutEmails } from './email';
import type { DropReason, HotjarAttributeValue, IdentifyOptions, ResolvedIdentifyOptions } from './identify-types';
import { IDENTIFY_DEFAULTS, resolveIdentifyOptions } from './options';
import { matchesAny } from './patterns';
import { isPlainObject } from './plain-object';
import { cutText } from './text';

/** What `toHotjarIdentify` produces: the arguments of `hj('identify', userId, attributes)` and what was left out. */
export interface HotjarIdentify {
  /** The user id Hotjar receives; `null` for an anonymous visitor. */
  userId: string | null;
  /** Flat attributes Hotjar accepts. */
  attributes: Record<string, HotjarAttributeValue>;
  /**
   * Each trait left out, with the reason. A key holding an email address is given with `<email>`
   * in place of the part that holds it. Once `maxAttributes` attributes are kept, the rest is not
   * read: one entry names the next key (`attribute-limit`), and `more` counts the keys left after
   * it, in its object and in the objects around it (keys nested under those are not counted).
   */
  dropped: Array<{ key: string; reason: DropReason; more?: number }>;
  /** The keys of strings cut to `maxStringLength`. */
  truncated: string[];
  /** The keys of values sent without their query string, fragment and credentials, as `anonymousValue` reads them: anonymous visitors only. */
  reduced: string[];
  /** Why the user id given was not used, when it was not: `userId` is then `null`. */
  userIdDropped?: DropReason;
}

/**
 * Nested objects below this many levels are dropped (`too-deep`). With the default
 * `maxKeyLength` keys grow too long first; the limit bounds the walk whatever the options.
 */
const MAX_DEPTH = 32;

// Beyond the safe range a number is not the one that was meant: 12345678901234567890 prints
// as "12345678901234567000", which is someone else's id.
const numberProblem = (value: number): DropReason | undefined =>
  Number.isFinite(value) ? (Math.abs(value) > Number.MAX_SAFE_INTEGER ? 'unsafe-number' : undefined) : 'not-finite';

function mapUserId(userId: unknown): { userId: string | null; dropped?: DropReason } {
  if (userId === undefined || userId === null) return { userId: null };
  // Not trimmed: Hotjar takes a changed id for another user.
  if (typeof userId === 'string') return userId.trim() ? { userId } : { userId: null, dropped: 'empty-user-id' };
  const dropped =
    typeof userId === 'number' ? numberProblem(userId) : typeof userId === 'bigint' ? undefined : 'invalid-user-id';
  return dropped ? { userId: null, dropped } : { userId: String(userId) };
}

/**
 * The user id Hotjar receives: a non-blank string as it is (not trimmed, since Hotjar takes a
 * changed id for another user), a number within ±`Number.MAX_SAFE_INTEGER` or a bigint as its
 * digits; `null` for anything else.
 */
export function toHotjarUserId(userId: unknown): string | null {
  return mapUserId(userId).userId;
}

/** A value other than a string as Hotjar can take it, or why it cannot. */
function convert(value: unknown): { value: HotjarAttributeValue } | { reason: DropReason } {
  switch (typeof value) {
    case 'boolean':
      return { value };
    case 'number': {
      const reason = numberProblem(value);
      // -0 is sent as 0.
      return reason ? { reason } : { value: value || 0 };
    }
    case 'bigint': {
      // Rounding to a number keeps every bigint beyond the safe range beyond it.
      const number = Number(value);
      return numberProblem(number) ? { reason: 'bigint-out-of-range' } : { value: number };
    }
    case 'undefined':
    case 'function':
    case 'symbol':
      return { reason: typeof value as DropReason };
  }
  if (value === null) return { reason: 'null' };
  try {
    if (Array.isArray(value)) return { reason: 'array' };
    // Throws for anything but a Date, from any realm.
    const time = Date.prototype.getTime.call(value);
    return Number.isNaN(time) ? { reason: 'invalid-date' } : { value: new Date(time).toISOString() };
  } catch {
    // Not a Date, or a revoked Proxy: nothing Hotjar can take.
    return { reason: 'non-plain-object' };
  }
}

/** The mapping with options already resolved: what the bridge calls, with the options its factory validated. */
export function mapIdentify(userId: unknown, traits: unknown, opts: ResolvedIdentifyOptions): HotjarIdentify {
  const id = mapUserId(userId);
  const result: HotjarIdentify = { userId: id.userId, attributes: {}, dropped: [], truncated: [], reduced: [] };
  if (id.dropped) result.userIdDropped = id.dropped;
  if (!isPlainObject(traits)) return result;
  const anonymous = result.userId === null;
  const { separator, maxKeyLength, maxStringLength } = opts;
  let count = 0;
  // The one `attribute-limit` entry, once the limit is reached.
  let limit: { more: number } | undefined;

  const under = (prefix: string, name: string) => (prefix ? prefix + separator + name : name);

  // Keys are read for addresses only as far as a key can be sent (and the scan's margin past
  // it): a longer key dropped is reported with that part only.
  const drop = (key: string, reason: DropReason) => {
    const entry: HotjarIdentify['dropped'][number] = {
      key: key.length > maxKeyLength + EMAIL_SCAN_MARGIN ? shortenedWithoutEmails(key, maxKeyLength) : key,
      reason,
    };
    result.dropped.push(entry);
    return entry;
  };

  const allowedWithoutUserId = (key: string) => {
    try {
      return matchesAny(opts.anonymousAttributes, key);
    } catch {
      // A pattern whose own code throws allows nothing.
      return false;
    }
  };

  const addLeaf = (key: string, raw: unknown) => {
    if (key.length > maxKeyLength) return drop(key, 'key-too-long');
    if (Object.prototype.hasOwnProperty.call(result.attributes, key)) return drop(key, 'duplicate-key');
    if (anonymous && !allowedWithoutUserId(key)) return drop(key, 'personal-data-without-user-id');
    let value: HotjarAttributeValue;
    let reduced = false;
    if (typeof raw !== 'string') {
      const converted = convert(raw);
      if ('reason' in converted) return drop(key, converted.reason);
      // Anything but a string (a Date's ISO text included) is never an email address.
      if (key === 'email') return drop(key, 'invalid-email');
      value = converted.value;
    } else if (key === 'email') {
      value = raw.trim();
      if (!isEmail(value) || value.length > maxStringLength) return drop(key, 'invalid-email');
      // Even when the allowlist names it: an address is personal data.
      if (anonymous) return drop(key, 'personal-data-without-user-id');
    } else {
      // Only what can be sent is read: the cost follows what reaches Hotjar, not what was given.
      const readable = cutText(raw, maxStringLength + EMAIL_SCAN_MARGIN);
      // A visitor's referrer carries the referring page's query string (names, tokens) and
      // a URL's credentials: without a user id, no value keeps them, URL-like or not.
      const text = anonymous ? anonymousValue(readable) : readable;
      if (text === null)
        return drop(key, containsEmail(readable, maxStringLength) ? 'email-in-wrong-key' : 'invalid-url');
      if (containsEmail(text, maxStringLength)) return drop(key, 'email-in-wrong-key');
      reduced = text !== readable;
      value = reduced ? text : raw;
    }
    if (typeof value === 'string' && value.length > maxStringLength) {
      value = cutText(value, maxStringLength);
      result.truncated.push(key);
    }
    if (reduced) result.reduced.push(key);
    count++;
    // Defined, not assigned: assigning to "__proto__" would set the prototype instead.
    Object.defineProperty(result.attributes, key, { value, enumerable: true, writable: true, configurable: true });
  };

  // `ancestors` holds the objects on the path from the root, so a cycle is caught where it
  // closes; MAX_DEPTH bounds the recursion whatever the input and options.
  const walk = (object: Record<string, unknown>, prefix: string, ancestors: object[]) => {
    let keys: string[];
    try {
      keys = Object.keys(object);
    } catch {
      return drop(prefix, 'unreadable');
    }
    if (keys.length === 0 && prefix) return drop(prefix, 'empty-object');
    for (let i = 0; i < keys.length; i++) {
      const name = keys[i] as string;
      const key = under(prefix, name);
      let value: unknown;
      // The limit reached: what is left is counted, not read, so the cost stops with what is sent.
      if (count >= opts.maxAttributes) {
        if (limit) limit.more += keys.length - i;
        else {
          const shown = containsEmail(key, maxKeyLength) ? under(prefix, EMAIL_PLACEHOLDER) : key;
          limit = Object.assign(drop(shown, 'attribute-limit'), { more: keys.length - i - 1 });
        }
        return;
      }
      if (name === '') {
        drop(key, 'empty-key');
        continue;
      }
      // The whole key, as Hotjar would get it: a separator can complete an address.
      if (containsEmail(key, maxKeyLength)) {
        drop(under(prefix, EMAIL_PLACEHOLDER), 'email-in-key');
        continue;
      }
      try {
        value = object[name];
      } catch {
        drop(key, 'getter-threw');
        continue;
      }
      if (!isPlainObject(value)) {
        addLeaf(key, value);
      } else if (ancestors.includes(value)) {
        drop(key, 'cycle');
      } else if (opts.nested === 'reject') {
        drop(key, 'nested');
      } else if (key.length + separator.length + 1 > maxKeyLength) {
        // Every key below this one would be longer still.
        drop(key, 'key-too-long');
      } else if (ancestors.length > MAX_DEPTH) {
        drop(key, 'too-deep');
      } else {
        ancestors.push(value);
        walk(value, key, ancestors);
        ancestors.pop();
      }
    }
  };

  walk(traits, '', [traits]);
  return result;
}

/**
 * Maps a user id and traits to what Hotjar's identify accepts, following Hotjar's rules for
 * user attributes. Never throws and never mutates its input; every trait left out is listed
 * in `dropped` with the reason, every string cut is listed in `truncated`. Options are checked
 * as `createHotjarBridge` checks them, a bad value replaced by its default.
 */
export function toHotjarIdentify(userId: unknown, traits: unknown, options?: IdentifyOptions): HotjarIdentify {
  let opts = IDENTIFY_DEFAULTS;
  try {
    if (options !== undefined) opts = resolveIdentifyOptions(options, 'default');
  } catch {
    // Options behind a Proxy that throws: the defaults.
  }
  return mapIdentify(userId, traits, opts);
}
