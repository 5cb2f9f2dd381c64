/** A Hotjar id (site, survey, organization): a positive integer, or a string of digits. */
export type HotjarId = number | string;

/** The id as a path segment, or a `[hotjar-bridge]` error naming the argument. */
export function idSegment(name: string, value: unknown): string {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) return String(value);
  if (typeof value === 'string' && /^[1-9]\d*$/.test(value)) return value;
  throw new TypeError(
    `[hotjar-bridge] ${name} must be a positive integer or a string of digits, got ${typeof value === 'string' ? JSON.stringify(value) : String(value)}`,
  );
}
