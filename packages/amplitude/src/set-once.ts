/** Which attribute keys this browser has already sent to Hotjar, per site and user: what a `$setOnce` must not replace. */
export interface SetOnceMemory {
  /** The keys sent before for `owner`. */
  known(owner: string): readonly string[];
  /** Remembers that `keys` were sent for `owner`. */
  remember(owner: string, keys: readonly string[]): void;
  /** Writes what was remembered while storing was not allowed, now that it may be. */
  persist(): void;
}

type Entry = Record<string, string[]>;

/** The one localStorage entry every plugin instance on this origin shares. */
export const SET_ONCE_STORAGE_KEY = 'hotjar-bridge:set-once';
// Bounds on the entry: owners kept (the most recently used), key names per owner (Hotjar
// keeps at most 100 attributes per site) and characters per name.
const MAX_OWNERS = 20;
const MAX_KEYS = 100;
const MAX_KEY_LENGTH = 100;

/**
 * An owner's name in storage: a short hash of the site id and the user (the user id, or
 * the anonymous device), so that neither is written out.
 */
export function setOnceOwner(siteId: number, user: string): string {
  let hash = 0x811c9dc5;
  for (const char of `${siteId}\n${user}`) {
    hash ^= char.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  // A letter first: integer-like property names would not keep their insertion order.
  return `u${hash.toString(36)}`;
}

function parse(text: string | null): Entry {
  try {
    const value: unknown = JSON.parse(text ?? '{}');
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
    const entry: Entry = {};
    for (const [owner, keys] of Object.entries(value)) {
      if (Array.isArray(keys)) entry[owner] = keys.filter((k): k is string => typeof k === 'string');
    }
    return entry;
  } catch {
    return {};
  }
}

/** `keys` added to what `entry` holds for `owner`, the owner moved last and the entry kept within its bounds. */
function withKeys(entry: Entry, owner: string, keys: readonly string[]): Entry {
  const known = entry[owner] ?? [];
  const added = keys.filter((k) => k.length <= MAX_KEY_LENGTH && !known.includes(k));
  const next: Entry = { ...entry };
  // The owner moves to the end: the oldest owners are the first to go.
  delete next[owner];
  next[owner] = [...known, ...added].slice(0, MAX_KEYS);
  const owners = Object.keys(next);
  for (const old of owners.slice(0, Math.max(0, owners.length - MAX_OWNERS))) delete next[old];
  return next;
}

/**
 * Key names only, never values, in one `localStorage` entry; in memory where storage is
 * missing or throws. Read on each use, so that every instance on the page (and the next
 * page load) sees what the others sent. Nothing is written while `mayStore()` is false (no
 * consent yet): what is remembered then stays in memory until `persist()`.
 */
export function setOnceMemory(mayStore: () => boolean = () => true): SetOnceMemory {
  // What this page last wrote: all there is where storage is missing or refuses.
  let memory: Entry = {};
  // Remembered while storing was not allowed: written by the next write that is.
  let unwritten: Entry = {};
  // Set once storage has refused a write: from then on this page keeps to memory.
  let memoryOnly = false;
  const read = (): Entry => {
    let entry = memory;
    try {
      if (!memoryOnly) entry = parse(localStorage.getItem(SET_ONCE_STORAGE_KEY));
    } catch {
      // localStorage missing, or throwing in a sandboxed frame or with cookies blocked: memory stands in.
    }
    for (const [owner, keys] of Object.entries(unwritten)) entry = withKeys(entry, owner, keys);
    return entry;
  };
  const write = (entry: Entry) => {
    memory = entry;
    unwritten = {};
    try {
      localStorage.setItem(SET_ONCE_STORAGE_KEY, JSON.stringify(entry));
    } catch {
      // Storage missing, full or refused: this page still remembers, in memory.
      memoryOnly = true;
    }
  };
  return {
    known: (owner) => read()[owner] ?? [],
    remember(owner, keys) {
      if (!mayStore()) {
        unwritten = withKeys(unwritten, owner, keys);
        return;
      }
      write(withKeys(read(), owner, keys));
    },
    persist() {
      if (Object.keys(unwritten).length > 0 && mayStore()) write(read());
    },
  };
}
