/**
 * True when one of `patterns` matches `text`: a string matches the whole text, a regular
 * expression anywhere in it. `lastIndex` is reset first, so a `/g` or `/y` pattern gives the
 * same answer on every call.
 */
export function matchesAny(patterns: ReadonlyArray<string | RegExp>, text: string): boolean {
  for (const pattern of patterns) {
    if (typeof pattern === 'string') {
      if (pattern === text) return true;
    } else {
      pattern.lastIndex = 0;
      if (pattern.test(text)) return true;
    }
  }
  return false;
}
