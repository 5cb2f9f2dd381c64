import type { HotjarCall } from '@hotjar-bridge/core';

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** A value written as JavaScript source, the way a reader would type it. */
export function js(value: unknown): string {
  if (typeof value === 'string') return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  if (value === null || typeof value !== 'object') return String(value);
  if (Array.isArray(value)) return `[${value.map(js).join(', ')}]`;
  const entries = Object.entries(value).map(([key, v]) => `${IDENTIFIER.test(key) ? key : js(key)}: ${js(v)}`);
  return entries.length === 0 ? '{}' : `{ ${entries.join(', ')} }`;
}

/** `hj('event', 'Signed up')` */
export function hotjarCallSource(call: HotjarCall): string {
  return `hj(${call.map(js).join(', ')})`;
}
