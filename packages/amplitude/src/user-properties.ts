/** Amplitude's `user_properties` read as Hotjar traits, and the operations Hotjar cannot express. */
export interface AmplitudeTraits {
  traits: Record<string, unknown>;
  unsupported: string[];
  /** `initial_*` keys holding Amplitude's attribution placeholder, left out of the traits. */
  placeholders: string[];
  /** Traits whose value came from `$setOnce` (no `$set` or plain key replaced it). */
  setOnce: string[];
}

type Bag = Record<string, unknown>;

const keysOf = (value: unknown): string[] =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? Object.keys(value) : [];

// Amplitude's campaign attribution sets every `initial_*` property it did not see to a
// placeholder (its config's `initialEmptyValue`, 'EMPTY' by default) once, so that a later
// visit cannot fill it in. In Hotjar that would be a dozen attributes holding the word EMPTY,
// out of the 100 a site may have.
export const DEFAULT_PLACEHOLDER = 'EMPTY';
const INITIAL = 'initial_';

/**
 * Turns an `$identify` event's `user_properties` into traits: `$setOnce`, then `$set` (so `$set`
 * wins), then plain keys, which Amplitude's own client applies last. Every other operation
 * (`$add`, `$unset`, ...) is listed in `unsupported`, and `$setOnce` of an `initial_*` key to
 * `placeholder` in `placeholders`.
 */
export function toTraits(userProperties: unknown, placeholder: string = DEFAULT_PLACEHOLDER): AmplitudeTraits {
  // No prototype: a `__proto__` key stays an ordinary trait.
  const traits: Bag = Object.create(null);
  const unsupported: string[] = [];
  const placeholders: string[] = [];
  const once: string[] = [];
  const props = userProperties as Bag;
  const operations = keysOf(props);
  // Values are copied; only a getter that throws is kept as a getter that throws, so that the
  // core reports that one trait and the event itself is never touched.
  const take = (source: Bag, key: string, setOnce = false) => {
    try {
      const value = source[key];
      if (setOnce && value === placeholder && key.startsWith(INITIAL)) placeholders.push(key);
      else traits[key] = value;
    } catch (error) {
      Object.defineProperty(traits, key, {
        get: () => {
          throw error;
        },
        enumerable: true,
        configurable: true,
      });
    }
  };

  const replaced = new Set<string>();
  for (const operation of ['$setOnce', '$set']) {
    if (!operations.includes(operation)) continue;
    const source = props[operation] as Bag;
    for (const key of keysOf(source)) {
      take(source, key, operation === '$setOnce');
      if (operation === '$setOnce') once.push(key);
      else replaced.add(key);
    }
  }
  for (const key of operations) {
    if (!key.startsWith('$')) {
      take(props, key);
      replaced.add(key);
    } else if (key !== '$set' && key !== '$setOnce') unsupported.push(key);
  }
  return {
    traits,
    unsupported,
    // A placeholder that `$set` or a plain key then gave a value is not left out.
    placeholders: placeholders.filter((key) => !(key in traits)),
    setOnce: once.filter((key) => key in traits && !replaced.has(key)),
  };
}
