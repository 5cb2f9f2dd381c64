/**
 * The page Hotjar's stateChange is given: the path alone. A query string or a fragment often
 * carries personal data and tokens (`?email=`, `#access_token=`), and both SDKs report the
 * same page with and without them, so they are cut; a full URL is reduced to its path.
 * Returns `null` for anything that has no path: not a string, blank, or an unreadable URL.
 */
export function toHotjarPath(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const text = value.trim();
  // A scheme (`https:`) or a protocol-relative `//host` makes it a full URL.
  if (/^([a-z][a-z\d+.-]*:|\/\/)/i.test(text)) {
    try {
      const { pathname } = new URL(text, 'https://base.invalid');
      // `mailto:` and the like have no path.
      return pathname.startsWith('/') ? pathname : null;
    } catch {
      return null;
    }
  }
  const path = text.split(/[?#]/, 1)[0] ?? '';
  return path === '' ? null : path;
}
