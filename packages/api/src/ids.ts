/** A Hotjar id (site, survey, organization): a positive integer, or a string of digits. */
export type HotjarId = number | string;

/**
 * The id as a path segment, or a `[hotjar-bridge]` error naming the argument. An id past
 * `Number.MAX_SAFE_INTEGER` is refused, as the plugins refuse such a site id: Hotjar's JSON
 * answers could not hold it exactly.
 */
export function idSegment(name: string, value: unknown): string {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) return String(value);
  if (typeof value === 'string' && /^[1-9]\d*$/.test(value) && Number.isSafeInteger(Number(value))) return value;
  throw new TypeError(
    `[hotjar-bridge] ${name} must be a positive integer up to ${Number.MAX_SAFE_INTEGER} or a string of such digits, got ${typeof value === 'string' ? JSON.stringify(value) : String(value)}`,
  );
}
