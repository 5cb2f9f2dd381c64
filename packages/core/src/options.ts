import { DEFAULT_ANONYMOUS_ATTRIBUTES } from './anonymous-attributes';
import type { DiagnosticHandler } from './diagnostics';
import type { EventMap } from './event-map';
import { EVENT_NAME_DEFAULTS, type EventNameOptions } from './event-name';
import type { IdentifyOptions, ResolvedIdentifyOptions } from './identify-types';
import { isPlainObject } from './plain-object';
import type { HotjarRuntime } from './runtime';
import { SENTENCES } from './sentences';
import { isPositiveInteger } from './text';

/** Which analytics events `track` forwards, and under which Hotjar event names. */
export interface EventFilterOptions {
  /** Only events whose own name matches one of these are forwarded (a string matches the whole name as given). @default every name */
  include?: Array<string | RegExp>;
  /** Events whose own name matches one of these are never forwarded, nor any name `map` gives that matches; exclude wins over include. @default none */
  exclude?: Array<string | RegExp>;
  /** Gives the Hotjar event name(s) for an included event from its name and (read-only) properties: a name, a list of at most 10, or `null`/`undefined` for none. @default the event's own name */
  map?: EventMap;
}

/** Options of `createHotjarBridge`, and of both plugins. */
export interface HotjarBridgeOptions {
  /** Your Hotjar site id: a positive integer, or a string of digits. Required. */
  siteId: number | string;
  /** Hotjar's snippet version (`hjsv`). @default 6 */
  hotjarVersion?: number;
  /** Turns on Hotjar's debug mode and logs every forwarded call and every dropped field to the console. @default false */
  debug?: boolean;
  /** A Content Security Policy nonce for Hotjar's inline snippet. @default none */
  nonce?: string;
  /** Load Hotjar's script; set false when the page already has Hotjar's snippet. @default true */
  loadScript?: boolean;
  /** `'pending'` loads and forwards nothing until `grantConsent()`. @default 'granted' */
  consent?: 'granted' | 'pending';
  /** Which event names are forwarded. @default every name */
  events?: EventFilterOptions;
  /** How traits become user attributes. @default see IdentifyOptions */
  identify?: IdentifyOptions;
  /** How event names are cleaned. @default see EventNameOptions */
  eventName?: EventNameOptions;
  /** Called for every dropped or changed field, skipped call and load problem. @default none */
  onDiagnostic?: DiagnosticHandler;
  /** Replaces the part that touches the page (tests, unusual hosts). @default the browser's window, through @hotjar/browser */
  runtime?: HotjarRuntime;
}

/** The options after validation, with defaults filled in. */
export interface ResolvedBridgeOptions {
  siteId: number;
  hotjarVersion: number;
  debug: boolean;
  nonce: string | undefined;
  loadScript: boolean;
  consent: 'granted' | 'pending';
  include: Array<string | RegExp> | undefined;
  exclude: Array<string | RegExp>;
  map: EventMap | undefined;
  identify: ResolvedIdentifyOptions;
  eventName: EventNameOptions;
  onDiagnostic: DiagnosticHandler | undefined;
  runtime: HotjarRuntime | undefined;
}

function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object' && value !== null && !(value instanceof RegExp)) return 'an object';
  return String(value);
}

/**
 * The error for a bad option: names the option and the value, and in a development build what
 * is expected, so that a mistake is fixed at the first page load rather than found missing in
 * Hotjar weeks later. `expected` is the development text (`SENTENCES.expected.x`), undefined in
 * production, where the error reads `siteId is invalid, got "abc"`.
 */
export function optionError(option: string, value: unknown, expected: string | undefined): TypeError {
  const problem = SENTENCES ? `must be ${expected}` : 'is invalid';
  return new TypeError(`[hotjar-bridge] ${option} ${problem}, got ${show(value)}`);
}

const isPatterns = (value: unknown) =>
  Array.isArray(value) && value.every((p) => typeof p === 'string' || p instanceof RegExp);

const RUNTIME_METHODS = ['hasWindow', 'existingSiteId', 'installStub', 'inject', 'call', 'currentPath'] as const;

/** What an option may be, each with the words a development build's error uses (`SENTENCES.expected`). */
const RULES = {
  positiveInteger: isPositiveInteger,
  boolean: (value: unknown) => typeof value === 'boolean',
  function: (value: unknown) => typeof value === 'function',
  object: isPlainObject,
  string: (value: unknown) => typeof value === 'string',
  nonEmptyString: (value: unknown) => typeof value === 'string' && value !== '',
  patterns: isPatterns,
  runtime: (value: unknown) =>
    typeof value === 'object' &&
    value !== null &&
    RUNTIME_METHODS.every((m) => typeof (value as Record<string, unknown>)[m] === 'function'),
};

type Rule = keyof typeof RULES;

/** Checks one option: the value when it is `rule`'s, the fallback when it is undefined. */
type Check = <T>(option: string, value: unknown, rule: Rule | readonly string[], fallback: T) => T;

const accepts = (rule: Rule | readonly string[], value: unknown) =>
  typeof rule === 'string' ? RULES[rule](value) : rule.includes(value as string);

/** Throws the option error for a value that is not `rule`'s (`rule` is a rule or the allowed strings). */
const check: Check = (option, value, rule, fallback) => {
  if (value === undefined) return fallback;
  if (!accepts(rule, value)) {
    const expected = SENTENCES && (typeof rule === 'string' ? SENTENCES.expected[rule] : SENTENCES.oneOf(rule));
    throw optionError(option, value, expected);
  }
  return value as never;
};

/** The fallback for a value that is not `rule`'s: for mapping functions, which never throw. */
const orDefault: Check = (_option, value, rule, fallback) =>
  value !== undefined && accepts(rule, value) ? (value as never) : fallback;

// A string of digits is accepted for ids pasted from Hotjar's settings page. Anything else is
// refused: @hotjar/browser writes these values into script source.
const digits = (value: unknown) => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value);

function section(option: string, value: unknown, checker: Check = check): Record<string, unknown> {
  return checker(option, value, 'object', {});
}

/** `IdentifyOptions` with every default filled in. */
export const IDENTIFY_DEFAULTS: ResolvedIdentifyOptions = {
  nested: 'flatten',
  separator: '_',
  maxKeyLength: 50,
  maxStringLength: 200,
  maxAttributes: 100,
  anonymousAttributes: DEFAULT_ANONYMOUS_ATTRIBUTES,
};

/**
 * The one place identify options are checked and their defaults filled in. The bridge's
 * factory throws for a bad value (`onBad: 'throw'`); `toHotjarIdentify`, a mapping function
 * that never throws, uses the default in its place (`'default'`).
 */
export function resolveIdentifyOptions(options: unknown, onBad: 'throw' | 'default'): ResolvedIdentifyOptions {
  const checker = onBad === 'throw' ? check : orDefault;
  const given = section('identify', options, checker);
  const number = (name: 'maxKeyLength' | 'maxStringLength' | 'maxAttributes') =>
    checker(`identify.${name}`, given[name], 'positiveInteger', IDENTIFY_DEFAULTS[name]);
  const anonymous = checker<ReadonlyArray<string | RegExp>>(
    'identify.anonymousAttributes',
    given.anonymousAttributes,
    'patterns',
    IDENTIFY_DEFAULTS.anonymousAttributes,
  );
  return {
    nested: checker('identify.nested', given.nested, ['flatten', 'reject'], IDENTIFY_DEFAULTS.nested),
    separator: checker('identify.separator', given.separator, 'string', IDENTIFY_DEFAULTS.separator),
    maxKeyLength: number('maxKeyLength'),
    maxStringLength: number('maxStringLength'),
    maxAttributes: number('maxAttributes'),
    // A copy: changing the array given later does not change what was validated.
    anonymousAttributes: anonymous === IDENTIFY_DEFAULTS.anonymousAttributes ? anonymous : [...anonymous],
  };
}

/** Validates bridge options, throwing a clear error for the first bad one. */
export function resolveBridgeOptions(options: unknown): ResolvedBridgeOptions {
  if (!isPlainObject(options)) throw optionError('options', options, SENTENCES && SENTENCES.expected.options);
  const events = section('events', options.events);
  const identify = resolveIdentifyOptions(options.identify, 'throw');
  const eventName = section('eventName', options.eventName);
  const siteId = digits(options.siteId);
  if (!isPositiveInteger(siteId)) throw optionError('siteId', options.siteId, SENTENCES && SENTENCES.expected.siteId);
  return {
    siteId,
    hotjarVersion: check('hotjarVersion', digits(options.hotjarVersion), 'positiveInteger', 6),
    debug: check('debug', options.debug, 'boolean', false),
    nonce: check('nonce', options.nonce, 'nonEmptyString', undefined),
    loadScript: check('loadScript', options.loadScript, 'boolean', true),
    consent: check('consent', options.consent, ['granted', 'pending'], 'granted'),
    include: check('events.include', events.include, 'patterns', undefined),
    exclude: check('events.exclude', events.exclude, 'patterns', []),
    map: check<EventMap | undefined>('events.map', events.map, 'function', undefined),
    identify,
    eventName: {
      mode: check('eventName.mode', eventName.mode, ['sanitize', 'strict'], EVENT_NAME_DEFAULTS.mode),
      maxLength: check('eventName.maxLength', eventName.maxLength, 'positiveInteger', EVENT_NAME_DEFAULTS.maxLength),
    },
    onDiagnostic: check('onDiagnostic', options.onDiagnostic, 'function', undefined),
    runtime: check<HotjarRuntime | undefined>('runtime', options.runtime, 'runtime', undefined),
  };
}
