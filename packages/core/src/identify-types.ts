// The words of identify that the options, the reports and the runtime share: apart from
// identify.ts, which reads its options through the options module, so that no import between
// the core's modules goes in a circle.

/**
 * Why a trait, or the user id, did not reach Hotjar. An open set: new reasons may be added in
 * a minor version, so a `switch` over it should keep a default branch.
 */
export type DropReason =
  | 'null'
  | 'undefined'
  | 'not-finite'
  | 'unsafe-number'
  | 'bigint-out-of-range'
  | 'function'
  | 'symbol'
  | 'array'
  | 'non-plain-object'
  | 'invalid-date'
  | 'getter-threw'
  | 'unreadable'
  | 'empty-key'
  | 'empty-object'
  | 'cycle'
  | 'nested'
  | 'too-deep'
  | 'duplicate-key'
  | 'key-too-long'
  | 'email-in-key'
  | 'email-in-wrong-key'
  | 'invalid-email'
  | 'invalid-url'
  | 'personal-data-without-user-id'
  | 'attribute-limit'
  | 'empty-user-id'
  | 'invalid-user-id';

/** How traits become Hotjar user attributes. */
export interface IdentifyOptions {
  /** Nested plain objects: `'flatten'` joins their keys with `separator`; `'reject'` drops the whole value, as Hotjar itself would. @default 'flatten' */
  nested?: 'flatten' | 'reject';
  /** Joins the keys of a flattened nested object: `{ address: { city } }` gives `address_city`. @default '_' */
  separator?: string;
  /** Longest attribute name kept; longer names are dropped, not cut, because cut names can collide. @default 50 */
  maxKeyLength?: number;
  /** Longest string value; longer strings are cut to this length and listed in `truncated`. @default 200 */
  maxStringLength?: number;
  /** Most attributes sent in one identify call; Hotjar keeps at most 100 per site. @default 100 */
  maxAttributes?: number;
  /** The only attributes sent without a user id (a string matches the whole flattened key); a list given replaces the default. @default DEFAULT_ANONYMOUS_ATTRIBUTES */
  anonymousAttributes?: ReadonlyArray<string | RegExp>;
}

/** `IdentifyOptions` after validation, every default filled in. */
export type ResolvedIdentifyOptions = Required<IdentifyOptions>;

/** A value Hotjar accepts as a user attribute. */
export type HotjarAttributeValue = string | number | boolean;
