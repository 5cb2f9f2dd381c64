import { readableForm } from './email';

// Where the credentials of a URL end: `scheme://` (or `//`, or `https:\\` once read) and
// everything up to the last `@` before the first `/`. A scheme without slashes is not kept:
// in `jane:pw@192.0.2.10` the "scheme" is the user name.
const USERINFO = /^((?:[a-z][a-z\d+.-]*:)?\/\/+)?[^/]*@/i;

/**
 * An allowlisted string value as a visitor without a user id may send it. A referrer or a
 * campaign value can carry the query string of a page (names, tokens) and the credentials of a
 * URL, in more written forms than any test for "is this a URL" recognises (`пример.рф/…`,
 * `localhost:3000/…`, `https:\\host\…`, `https%3A%2F%2F…`), so every value is read, not only
 * those that look like URLs: as the address scan reads text (percent-escapes decoded until
 * stable, compatibility forms), with backslashes as slashes. Read so, a value without `?`, `#`
 * and `@` is returned as given. Otherwise what follows the first `?` or `#` is cut, and the
 * credentials (up to the last `@` before the first `/`), and the text so reduced is returned
 * (`https://crm.example/customers/view`). `null` when nothing safe remains: the text is
 * still changing after the scan's last round, nothing is left, or an `@` is left in the path.
 */
export function anonymousValue(value: string): string | null {
  const form = readableForm(value)?.replace(/\\/g, '/');
  if (form === undefined) return null;
  if (!/[?#@]/.test(form)) return value;
  const reduced = (form.split(/[?#]/, 1)[0] ?? '').replace(USERINFO, '$1').trim();
  return reduced === '' || reduced.includes('@') ? null : reduced;
}
