// Local part, then a domain with at least one dot and a letters-only top-level label.
// Deliberately loose: anything that looks like an address is treated as one, because
// Hotjar rejects such values outside `email` and they are personal data in event names.
const ADDRESS = '[^\\s@]+@[^\\s@.]+(?:\\.[^\\s@.]+)*\\.\\p{L}{2,}';
const CONTAINS_ADDRESS = new RegExp(ADDRESS, 'u');
const WHOLE_ADDRESS = new RegExp(`^${ADDRESS}$`, 'u');

// RFC 5321 caps the local part at 64 and the domain at 255 characters. Testing only a
// window around each '@' keeps the scan linear on huge strings with many '@'s, where an
// unanchored search would be quadratic.
const LOCAL_PART_MAX = 64;
const DOMAIN_MAX = 255;

const ESCAPES = /(?:%[\da-f]{2})+/gi;
const ASCII_ESCAPE = /%[0-7][\da-f]/gi;

/**
 * `text` with its percent-escapes decoded (`%40` is '@'). Each run of escapes is decoded on its
 * own, so a malformed one (`100%`, half a UTF-8 sequence) leaves the others readable; a run that
 * is not UTF-8 still has its ASCII escapes decoded.
 */
function decoded(text: string): string {
  return text.replace(ESCAPES, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run.replace(ASCII_ESCAPE, (ascii) => String.fromCharCode(Number.parseInt(ascii.slice(1), 16)));
    }
  });
}

/**
 * True when `text` contains something shaped like an email address, as it is or with its
 * percent-escapes decoded: a URL kept as an attribute (`referrer`) or a path carries an address
 * as `jane%40example.com`.
 */
export function containsEmail(text: string): boolean {
  return holdsAddress(text) || (text.includes('%') && holdsAddress(decoded(text)));
}

function holdsAddress(text: string): boolean {
  let at = text.indexOf('@');
  while (at !== -1) {
    const start = Math.max(0, at - LOCAL_PART_MAX);
    if (CONTAINS_ADDRESS.test(text.slice(start, at + 1 + DOMAIN_MAX))) return true;
    at = text.indexOf('@', at + 1);
  }
  return false;
}

/** True when `text`, trimmed, is one email address and nothing else. */
export function isEmail(text: string): boolean {
  const trimmed = text.trim();
  return trimmed.length <= LOCAL_PART_MAX + 1 + DOMAIN_MAX && WHOLE_ADDRESS.test(trimmed);
}
