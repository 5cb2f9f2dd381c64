/** Amplitude's `user_properties` read as Hotjar traits, and the operations Hotjar cannot express. */
export interface AmplitudeTraits {
  traits: Record<string, unknown>;
  unsupported: string[];
  /** `initial_*` keys holding Amplitude's `'EMPTY'` placeholder, left out of the traits. */
  placeholders: string[];
}

type Bag = Record<string, unknown>;

const keysOf = (value: unknown): string[] =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? Object.keys(value) : [];

// Amplitude's campaign attribution sets every `initial_*` property it did not see to 'EMPTY'
// once, so that a later visit cannot fill it in. In Hotjar that would be a dozen attributes
// holding the word EMPTY, out of the 100 a site may have.
const PLACEHOLDER = 'EMPTY';
const INITIAL = 'initial_';

/**
 * Turns an `$identify` event's `user_properties` into traits: `$setOnce`, then `$set` (so `$set`
 * wins), then plain keys, which Amplitude's own client applies last. Every other operation
 * (`$add`, `$unset`, ...) is listed in `unsupported`, and `$setOnce` of an `initial_*` key to
 * `'EMPTY'` in `placeholders`.
 */
export function toTraits(userProperties: unknown): AmplitudeTraits {
  // No prototype: a `__proto__` key stays an ordinary trait.
  const traits: Bag = Object.create(null);
  const unsupported: string[] = [];
  const placeholders: string[] = [];
  const props = userProperties as Bag;
  const operations = keysOf(props);
  // Values are copied; only a getter that throws is kept as a getter that throws, so that the
  // core reports that one trait and the event itself is never touched.
  const take = (source: Bag, key: string, once = false) => {
    try {
      const value = source[key];
      if (once && value === PLACEHOLDER && key.startsWith(INITIAL)) placeholders.push(key);
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

  for (const operation of ['$setOnce', '$set']) {
    if (!operations.includes(operation)) continue;
    const source = props[operation] as Bag;
    for (const key of keysOf(source)) take(source, key, operation === '$setOnce');
  }
  for (const key of operations) {
    if (!key.startsWith('$')) take(props, key);
    else if (key !== '$set' && key !== '$setOnce') unsupported.push(key);
  }
  // A placeholder that `$set` or a plain key then gave a value is not left out.
  return { traits, unsupported, placeholders: placeholders.filter((key) => !(key in traits)) };
}
