import type { HotjarAttributeValue } from './identify';

type Attributes = Record<string, HotjarAttributeValue>;

/** The attributes of an earlier identify call: keys in order, all different, and an object that has them. */
export interface AttributeShape {
  readonly keys: readonly string[];
  /** Where each key is in `keys`. */
  readonly index: ReadonlyMap<string, number>;
  readonly values: readonly HotjarAttributeValue[];
  readonly template: Attributes;
}

// Why shapes: V8 turns an object into a slow hash table once more than about 16 properties have
// been added to it under computed names, and building 20 attributes that way was half of an
// identify mapping. A copy of an object that already has the keys stays fast and costs a quarter
// as much. A page sends the same user's traits again and again, so one shape is kept: made when
// the same keys come twice in a row, which two key lists taking turns never do.
let recent: AttributeShape | undefined;
let lastKeys: readonly string[] | undefined;

/** The shape that the next attributes will probably have. */
export function recentShape(): AttributeShape | undefined {
  return recent;
}

/** New attributes with the shape's keys and these values, in order. */
export function fromShape(shape: AttributeShape, values: readonly HotjarAttributeValue[]): Attributes {
  lastKeys = shape.keys;
  const attributes = { ...shape.template };
  const { keys } = shape;
  // Most values are the same as last time, and comparing array items costs less than a store by name.
  for (let i = 0; i < keys.length; i++) if (values[i] !== shape.values[i]) attributes[keys[i]!] = values[i]!;
  return attributes;
}

/** New attributes with these keys, all different, and values, in order. */
export function toAttributes(keys: readonly string[], values: readonly HotjarAttributeValue[]): Attributes {
  const attributes: Attributes = {};
  for (let i = 0; i < keys.length; i++) setAttribute(attributes, keys[i]!, values[i]!);
  return attributes;
}

export function setAttribute(attributes: Attributes, key: string, value: HotjarAttributeValue): undefined {
  // Assigning to "__proto__" would set the prototype instead of adding an attribute.
  if (key === '__proto__') Object.defineProperty(attributes, key, { value, enumerable: true, writable: true });
  else attributes[key] = value;
}

/** Notes attributes built without a shape, and makes them the shape when the last ones had the same keys. */
export function remember(keys: readonly string[], attributes: Attributes): undefined {
  // A "__proto__" attribute is defined differently (see setAttribute): it never gets a shape.
  if (lastKeys !== undefined && sameKeys(keys, lastKeys) && !keys.includes('__proto__')) {
    const template: Attributes = {};
    const values = keys.map((key) => attributes[key]!);
    // Defined, not assigned: V8 keeps an object fast up to 128 properties added this way.
    keys.forEach((key, i) => {
      Object.defineProperty(template, key, { value: values[i], enumerable: true, writable: true, configurable: true });
    });
    recent = { keys, index: new Map(keys.map((key, i) => [key, i])), values, template };
  }
  lastKeys = keys;
}

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
