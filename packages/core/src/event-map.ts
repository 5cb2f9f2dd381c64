import type { SkipReason } from './diagnostics';
import { shortenedWithoutEmails } from './email';
import { isPlainObject } from './plain-object';

/** What `events.map` is given: the analytics event's own name and properties, frozen copies. */
export interface EventMapInput {
  /** The analytics event's name, as the app tracked it. */
  readonly name: string;
  /** A frozen deep copy of the event's properties (`{}` when it has none): changing it changes nothing. */
  readonly properties: Readonly<Record<string, unknown>>;
}

/**
 * Gives the Hotjar event name(s) for an analytics event: one name, a list of at most
 * `MAX_MAPPED_NAMES` names (one `hj('event', name)` each), or `null`/`undefined` (or `[]`)
 * to send nothing. Every name still passes every rule of a Hotjar event name.
 */
export type EventMap = (event: EventMapInput) => string | readonly string[] | null | undefined;

/** Why `events.map` gave no name to send: `map-none`, `map-threw`, `map-invalid`. An open set, like `SkipReason`. */
export type EventMapProblem = Extract<SkipReason, `map-${string}`>;

/** The names `runEventMap` got, or why there are none, with what the map gave in words (`a number`). */
export type EventMapResult = { names: string[] } | { names: null; problem: EventMapProblem; why: string };

/** Most names one event may become: more is a mapper's mistake, not a plan for Hotjar's 50 searchable events. */
export const MAX_MAPPED_NAMES = 10;

// Deeper than this, properties are not copied: no analytics event nests so deep, and a copy
// that followed them would run out of stack.
const MAX_DEPTH = 32;

/**
 * A frozen deep copy of `value`: arrays and objects are copied (an object as its own enumerable
 * properties, a Date as a new Date), each object once, so cycles stay cycles. A property whose
 * getter throws, and an object that cannot be read (a revoked Proxy), are left out.
 */
export function readOnlyCopy(value: unknown, depth = 0, copies = new Map<object, unknown>()): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const done = copies.get(value);
  if (done !== undefined) return done;
  if (depth > MAX_DEPTH) return undefined;
  try {
    if (value instanceof Date) return Object.freeze(new Date(value.getTime()));
    const copy: Record<string, unknown> | unknown[] = Array.isArray(value) ? [] : {};
    copies.set(value, copy);
    for (const key of Object.keys(value)) {
      try {
        const item = readOnlyCopy((value as Record<string, unknown>)[key], depth + 1, copies);
        // A plain assignment would let a key named `__proto__` replace the copy's prototype.
        Object.defineProperty(copy, key, { value: item, enumerable: true, writable: true, configurable: true });
      } catch {
        // A throwing getter: that property is left out.
      }
    }
    return Object.freeze(copy);
  } catch {
    return undefined;
  }
}

/** A name short enough for a diagnostic and the debug log: at most 100 characters, then '…', without addresses. */
export function cutForReport(text: string): string {
  return shortenedWithoutEmails(text, 100);
}

/** What a value is, in words that quote none of it: the value may be the event's data. */
function describe(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

const invalid = (why: string): EventMapResult => ({ names: null, problem: 'map-invalid', why });

/** What a map's return value holds: its names, or why it holds none. Reads each value once, never throws. */
function namesOf(result: unknown): EventMapResult {
  if (result === null || result === undefined) return { names: null, problem: 'map-none', why: 'no name' };
  if (typeof result === 'string') return { names: [result] };
  if (Array.isArray(result)) {
    const length: unknown = result.length;
    if (length === 0) return { names: null, problem: 'map-none', why: 'an empty list' };
    if (typeof length !== 'number' || length > MAX_MAPPED_NAMES) {
      return invalid(`${String(length)} names, at most ${MAX_MAPPED_NAMES}`);
    }
    const names: string[] = [];
    for (let i = 0; i < length; i++) {
      const name: unknown = result[i];
      if (typeof name !== 'string') return invalid(`a list holding ${describe(name)}`);
      names.push(name);
    }
    return { names };
  }
  const then: unknown = typeof result === 'object' ? (result as { then?: unknown }).then : undefined;
  if (typeof then === 'function') {
    // Its rejection is the map's failure, reported here: it must not surface in the page as unhandled.
    Promise.resolve(result).catch(() => undefined);
    return invalid('a promise: names must be given at once');
  }
  return invalid(describe(result));
}

/**
 * Runs the app's `events.map` on an analytics event. The map gets frozen copies, so it cannot
 * change the event the host SDK is still delivering; whatever it does, this never throws.
 */
export function runEventMap(map: EventMap, name: string, properties: unknown): EventMapResult {
  let result: unknown;
  try {
    const copy = isPlainObject(properties) ? readOnlyCopy(properties) : undefined;
    const input: EventMapInput = Object.freeze({
      name,
      properties: (copy ?? Object.freeze({})) as Readonly<Record<string, unknown>>,
    });
    result = map(input);
  } catch {
    // The error itself stays out of reports: its message may quote the event's data.
    return { names: null, problem: 'map-threw', why: 'it threw' };
  }
  try {
    return namesOf(result);
  } catch {
    return invalid('unreadable');
  }
}
