import { withoutQuery } from './text';

/**
 * Longest path sent as a stateChange. Hotjar states no limit; a longer "path" is not a page of
 * the site, and the bound keeps the address scan of each page change short.
 */
export const MAX_PATH_LENGTH = 2048;

/**
 * The page Hotjar's stateChange is given: the path alone. A query string or a fragment often
 * carries personal data and tokens (`?email=`, `#access_token=`), and both SDKs report the
 * same page with and without them, so they are cut; a full URL is reduced to its path.
 * Returns `null` for anything that has no path: not a string, blank, an unreadable URL, or a
 * path longer than MAX_PATH_LENGTH.
 */
export function toHotjarPath(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const text = value.trim();
  let path: string;
  // A scheme (`https:`) or a protocol-relative `//host` makes it a full URL.
  if (/^([a-z][a-z\d+.-]*:|\/\/)/i.test(text)) {
    try {
      path = new URL(text, 'https://base.invalid').pathname;
    } catch {
      return null;
    }
    // `mailto:` and the like have no path.
    if (!path.startsWith('/')) return null;
  } else {
    path = withoutQuery(text);
  }
  return path === '' || path.length > MAX_PATH_LENGTH ? null : path;
}
