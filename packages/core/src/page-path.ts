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
    path = text.split(/[?#]/, 1)[0] ?? '';
  }
  return path === '' || path.length > MAX_PATH_LENGTH ? null : path;
}

// A scheme followed by `//`: a URL with an origin (`https://`, `android-app://`).
const ABSOLUTE_URL = /^[a-z][a-z\d+.-]*:\/\//i;
// `//host/…`, and `host.example/…` as a URL is often written without its scheme.
const PROTOCOL_RELATIVE = /^\/\//;
const WITHOUT_SCHEME = /^[^\s/?#@:]+\.[a-z]{2,}(?::\d+)?[/?#]/i;

/**
 * `value` reduced the way a page path is, when it is a URL with an origin (`https://…`,
 * `//host/…`, `host.example/…`) and has a query string, a fragment or credentials: scheme,
 * host and path are kept (`https://crm.example/customers/view`), the rest is cut. `value`
 * itself when there is nothing to cut or it is no such URL; `null` when it looks like one but
 * cannot be read, so that nothing of it is sent.
 */
export function withoutQuery(value: string): string | null {
  const text = value.trim();
  // The scheme a URL is read with when it was written without one; left out again after.
  const added = ABSOLUTE_URL.test(text)
    ? ''
    : PROTOCOL_RELATIVE.test(text)
      ? 'https:'
      : WITHOUT_SCHEME.test(text)
        ? 'https://'
        : null;
  if (added === null) return value;
  let url: URL;
  try {
    url = new URL(added + text);
  } catch {
    return null;
  }
  const extra = url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '';
  // A bare `?` or `#` at the end carries nothing, but is cut too.
  if (!extra && !/[?#]/.test(text)) return value;
  return `${url.protocol}//${url.host}${url.pathname}`.slice(added.length);
}
