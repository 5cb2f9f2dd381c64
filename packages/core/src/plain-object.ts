/**
 * True for object literals and `Object.create(null)` objects, from any realm (an iframe's
 * objects too, which is why this does not compare against this realm's `Object.prototype`).
 */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  try {
    if (Object.prototype.toString.call(value) !== '[object Object]') return false;
    const proto: unknown = Object.getPrototypeOf(value);
    return proto === null || Object.getPrototypeOf(proto) === null;
  } catch {
    // A revoked Proxy throws on every inspection: it is not something Hotjar can take.
    return false;
  }
}
