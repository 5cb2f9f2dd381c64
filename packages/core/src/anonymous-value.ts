import { containsEmail, readableForm } from './email';
import { withoutQuery } from './text';

// The credentials of a URL with an authority: after `scheme://` (or `//`, or `https:\\` once
// read), everything up to the last `@` before the first `/`.
const AUTHORITY_CREDENTIALS = /^((?:[a-z][a-z\d+.-]*:)?\/\/+)[^/]*@/i;
// Credentials written without `//` (`jane:pw@192.0.2.10/…`): everything up to the last `@`
// before the first `/`. A scheme written without slashes goes with them: in `jane:pw@host`
// the "scheme" is the user name.
const LEADING_CREDENTIALS = /^[^/]*@/;

/**
 * An allowlisted string value as a visitor without a user id may send it. A referrer or a
 * campaign value can carry the query string of a page (names, tokens) and the credentials of a
 * URL, in more written forms than any test for "is this a URL" recognises (`пример.рф/…`,
 * `localhost:3000/…`, `https:\\host\…`, `https%3A%2F%2F…`), so every value is read, not only
 * those that look like URLs: as the address scan reads text (percent-escapes decoded until
 * stable, compatibility forms), with backslashes as slashes. Read so, a value without `?`, `#`
 * and `@` is returned as given. Otherwise what follows the first `?` or `#` is cut, and the
 * credentials, and the text so reduced is returned (`https://crm.example/customers/view`).
 * `null` when nothing safe remains: the text still changes after the scan's last round,
 * nothing is left, an `@` is left in the path, or what looks like credentials without `//` is
 * an email address (`jane@example.com` is not reduced to its domain).
 */
export function anonymousValue(value: string): string | null {
  const form = readableForm(value)?.replace(/\\/g, '/');
  if (form === undefined) return null;
  if (!/[?#@]/.test(form)) return value;
  const beforeQuery = withoutQuery(form);
  let reduced = beforeQuery.replace(AUTHORITY_CREDENTIALS, '$1');
  if (reduced === beforeQuery && LEADING_CREDENTIALS.test(beforeQuery)) {
    if (containsEmail(beforeQuery)) return null;
    reduced = beforeQuery.replace(LEADING_CREDENTIALS, '');
  }
  reduced = reduced.trim();
  return reduced === '' || reduced.includes('@') ? null : reduced;
}
