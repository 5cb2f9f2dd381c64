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

/** True when `text` contains something shaped like an email address. */
export function containsEmail(text: string): boolean {
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
