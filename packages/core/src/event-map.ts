import type { SkipReason } from './diagnostics';
import { shortenedWithoutEmails } from './email';
import { isPlainObject } from './plain-object';
import { SENTENCES } from './sentences';

/** What `events.map` is given: the analytics event's own name and properties, frozen copies. */
export interface EventMapInput {
  /** The analytics event's name, as the app tracked it. */
  readonly name: string;
  /**
   * A frozen deep copy of the event's properties (`{}` when it has none), of at most
   * `MAX_COPIED_VALUES` values in all, the smallest lists and objects copied whole first: beyond
   * that budget, lists are cut short and objects hold fewer keys. Changing it changes nothing.
   */
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

/**
 * The names `runEventMap` got, or why there are none, with what the map gave in words (`a
 * number`) in a development build.
 */
export type EventMapResult = { names: string[] } | { names: null; problem: EventMapProblem; why: string | undefined };

/** Most names one event may become: more is a mapper's mistake, not a plan for Hotjar's 50 searchable events. */
export const MAX_MAPPED_NAMES = 10;

/**
 * Most values the map's copy of the properties holds, at every level together. A name is built
 * from a few small properties; copying a list of a million items for it would stall the page for
 * a name Hotjar gets either way.
 */
export const MAX_COPIED_VALUES = 1000;

// Deeper than this, properties are not copied: no analytics event nests so deep.
const MAX_DEPTH = 32;

type Container = Record<string, unknown> | unknown[];

/**
 * A frozen deep copy of `value` of at most `budget` values in all: arrays and typed arrays are
 * copied as lists of their items, objects as their own enumerable properties, a Date as a new
 * Date, each object once, so cycles stay cycles. The smallest lists and objects are copied
 * first, wherever they are, so that a huge list only gets what is left of the budget: beyond
 * it, lists are cut short and objects hold fewer keys. A property whose getter throws is left
 * out, and an object that cannot be read (a revoked Proxy) is `undefined`.
 */
export function readOnlyCopy(value: unknown, budget = MAX_COPIED_VALUES): unknown {
  const copies = new Map<object, Container>();
  // Lists and objects met, each with its copy (filled when its turn comes) and its keys: a
  // list's are its indexes, never listed, since listing those of a huge list costs what the
  // budget saves.
  const pending: Array<{
    from: Record<string, unknown>;
    to: Container;
    keys: string[] | null;
    size: number;
    depth: number;
  }> = [];
  const copyOf = (item: unknown, depth: number): unknown => {
    if (typeof item !== 'object' || item === null) return item;
    const done = copies.get(item);
    if (done !== undefined) return done;
    if (depth > MAX_DEPTH) return undefined;
    try {
      if (item instanceof Date) return Object.freeze(new Date(item.getTime()));
      const from = item as Record<string, unknown>;
      const keys = Array.isArray(from) || ArrayBuffer.isView(from) ? null : Object.keys(from);
      const to: Container = keys ? {} : [];
      pending.push({ from, to, keys, size: keys ? keys.length : Number(from.length) || 0, depth });
      copies.set(item, to);
      return to;
    } catch {
      return undefined;
    }
  };
  let left = budget;
  const root = copyOf(value, 0);
  while (left > 0 && pending.length > 0) {
    const smallest = pending.reduce((a, b) => (b.size < a.size ? b : a));
    pending.splice(pending.indexOf(smallest), 1);
    const { from, to, keys, size, depth } = smallest;
    for (let index = 0; index < size && left-- > 0; index++) {
      try {
        const key = keys ? (keys[index] as string) : String(index);
        // A plain assignment would let a key named `__proto__` replace the copy's prototype.
        Object.defineProperty(to, key, {
          value: copyOf(from[key], depth + 1),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      } catch {
        // A throwing getter: that value is left out.
      }
    }
  }
  for (const copy of copies.values()) Object.freeze(copy);
  return root;
}

/** A name short enough for a diagnostic and the debug log: at most 100 characters, then '…', without addresses. */
export function cutForReport(text: string): string {
  return shortenedWithoutEmails(text, 100);
}

const invalid = (why: string | undefined): EventMapResult => ({ names: null, problem: 'map-invalid', why });

/** What a map's return value holds: its names, or why it holds none. Reads each value once, never throws. */
function namesOf(result: unknown): EventMapResult {
  if (result === null || result === undefined) {
    return { names: null, problem: 'map-none', why: SENTENCES && SENTENCES.mapNone };
  }
  if (typeof result === 'string') return { names: [result] };
  if (Array.isArray(result)) {
    const length: unknown = result.length;
    if (length === 0) return { names: null, problem: 'map-none', why: SENTENCES && SENTENCES.mapEmpty };
    if (typeof length !== 'number' || length > MAX_MAPPED_NAMES) {
      return invalid(SENTENCES && SENTENCES.mapTooMany(length, MAX_MAPPED_NAMES));
    }
    const names: string[] = [];
    for (let i = 0; i < length; i++) {
      const name: unknown = result[i];
      if (typeof name !== 'string') return invalid(SENTENCES && SENTENCES.mapGave(name, true));
      names.push(name);
    }
    return { names };
  }
  const then: unknown = typeof result === 'object' ? (result as { then?: unknown }).then : undefined;
  if (typeof then === 'function') {
    // Its rejection is the map's failure, reported here: it must not surface in the page as unhandled.
    Promise.resolve(result).catch(() => undefined);
    return invalid(SENTENCES && SENTENCES.mapPromise);
  }
  return invalid(SENTENCES && SENTENCES.mapGave(result, false));
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
    return { names: null, problem: 'map-threw', why: SENTENCES && SENTENCES.mapThrew };
  }
  try {
    return namesOf(result);
  } catch {
    return invalid(SENTENCES && SENTENCES.mapUnreadable);
  }
}
