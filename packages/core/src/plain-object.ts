/**
 * True for object literals and `Object.create(null)` objects, from any realm (an iframe's
 * objects too, which is why this does not compare against this realm's `Object.prototype`).
 */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  try {
    if (Object.prototype.toString.call(value) !== '[object Object]') return false;
    const proto: unknown = Object.getPrototypeOf(value);
    // This realm's Object.prototype first: asking for its prototype costs a call into the engine.
    return proto === null || proto === Object.prototype || Object.getPrototypeOf(proto) === null;
  } catch {
    // A revoked Proxy throws on every inspection: it is not something Hotjar can take.
    return false;
  }
}
