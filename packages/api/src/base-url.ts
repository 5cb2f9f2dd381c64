/**
 * The base URL the secret and the token are sent to. It must be https: over plain http the
 * secret would cross the network readable by anyone on the path. Only a loopback host (a test
 * server, a local proxy that itself speaks https onwards) may be http, since its traffic never
 * leaves the machine.
 */

/** Hosts whose traffic stays on this machine: localhost, 127.0.0.0/8 and ::1, as the URL parser writes them. */
export function isLoopbackHost(hostname: string): boolean {
  if (hostname === 'localhost' || hostname === '[::1]') return true;
  // The URL parser has already turned `127.1`, `0x7f.0.0.1` and the like into dotted decimal.
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

/** A URL as it may be shown: credentials (`user:password@`) replaced, so a password is never printed. */
export function maskCredentials(text: string): string {
  const at = text.lastIndexOf('@');
  if (at < 0) return text;
  // Up to the last `@`: a password may hold `/`, `?`, `#` or spaces, which the parser would not take.
  const scheme = /^[a-z][a-z\d+.-]*:\/*/i.exec(text)?.[0] ?? '';
  return `${scheme}***${text.slice(at)}`;
}

/** Why a base URL is refused (to complete "baseUrl must be ..."), or undefined when it is usable. */
export function baseUrlProblem(value: string): string | undefined {
  if (!/^[a-z][a-z\d+.-]*:\/\/[^\s]+$/i.test(value) || !URL.canParse(value))
    return 'an https URL such as "https://api.hotjar.io"';
  const url = new URL(value);
  if (url.username !== '' || url.password !== '')
    return 'a URL without credentials (user:password@); the client authenticates with its API key';
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname))
    return 'an https URL (http only for localhost, 127.0.0.0/8 or [::1]), so the secret and the token travel encrypted';
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'an https URL such as "https://api.hotjar.io"';
  if (url.search !== '' || url.hash !== '' || value.includes('?') || value.includes('#'))
    return 'a URL without a query or a fragment (paths are added to it)';
  return undefined;
}
