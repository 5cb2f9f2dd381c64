import { DEFAULT_ANONYMOUS_ATTRIBUTES } from './anonymous-attributes';
import type { DiagnosticHandler } from './diagnostics';
import type { EventMap } from './event-map';
import { EVENT_NAME_DEFAULTS, type EventNameOptions } from './event-name';
import type { IdentifyOptions, ResolvedIdentifyOptions } from './identify-types';
import { isPlainObject } from './plain-object';
import type { HotjarRuntime } from './runtime';
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
 * The error for a bad option: names the option, the value and what is expected, so that a
 * mistake is fixed at the first page load rather than found missing in Hotjar weeks later.
 */
export function optionError(option: string, value: unknown, expected: string): TypeError {
  return new TypeError(`[hotjar-bridge] ${option} must be ${expected}, got ${show(value)}`);
}

type Check = <T>(option: string, value: unknown, ok: (value: unknown) => boolean, expected: string, fallback: T) => T;

/** The value when `ok` accepts it, the fallback when it is undefined; throws otherwise. */
const check: Check = (option, value, ok, expected, fallback) => {
  if (value === undefined) return fallback;
  if (!ok(value)) throw optionError(option, value, expected);
  return value as never;
};

/** The value when `ok` accepts it, the fallback otherwise: for mapping functions, which never throw. */
const orDefault: Check = (_option, value, ok, _expected, fallback) =>
  value !== undefined && ok(value) ? (value as never) : fallback;

const POSITIVE_INTEGER = 'a positive integer';
const isBoolean = (value: unknown) => typeof value === 'boolean';
const isFunction = (value: unknown) => typeof value === 'function';
const oneOf = (...allowed: string[]) =>
  [(value: unknown) => allowed.includes(value as string), allowed.map((a) => `"${a}"`).join(' or ')] as const;
const isPatterns = (value: unknown) =>
  Array.isArray(value) && value.every((p) => typeof p === 'string' || p instanceof RegExp);
const PATTERNS = 'an array of strings and regular expressions';
// A string of digits is accepted for ids pasted from Hotjar's settings page. Anything else is
// refused: @hotjar/browser writes these values into script source.
const digits = (value: unknown) => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value);

function section(option: string, value: unknown, checker: Check = check): Record<string, unknown> {
  return checker(option, value, isPlainObject, 'an object', {});
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
  const [isNested, nestedValues] = oneOf('flatten', 'reject');
  const number = (name: 'maxKeyLength' | 'maxStringLength' | 'maxAttributes') =>
    checker(`identify.${name}`, given[name], isPositiveInteger, POSITIVE_INTEGER, IDENTIFY_DEFAULTS[name]);
  const anonymous = checker<ReadonlyArray<string | RegExp>>(
    'identify.anonymousAttributes',
    given.anonymousAttributes,
    isPatterns,
    PATTERNS,
    IDENTIFY_DEFAULTS.anonymousAttributes,
  );
  return {
    nested: checker('identify.nested', given.nested, isNested, nestedValues, IDENTIFY_DEFAULTS.nested),
    separator: checker(
      'identify.separator',
      given.separator,
      (v) => typeof v === 'string',
      'a string',
      IDENTIFY_DEFAULTS.separator,
    ),
    maxKeyLength: number('maxKeyLength'),
    maxStringLength: number('maxStringLength'),
    maxAttributes: number('maxAttributes'),
    // A copy: changing the array given later does not change what was validated.
    anonymousAttributes: anonymous === IDENTIFY_DEFAULTS.anonymousAttributes ? anonymous : [...anonymous],
  };
}

/** Validates bridge options, throwing a clear error for the first bad one. */
export function resolveBridgeOptions(options: unknown): ResolvedBridgeOptions {
  if (!isPlainObject(options)) throw optionError('options', options, 'an object with at least siteId');
  const events = section('events', options.events);
  const identify = resolveIdentifyOptions(options.identify, 'throw');
  const eventName = section('eventName', options.eventName);
  const siteId = digits(options.siteId);
  if (!isPositiveInteger(siteId)) {
    throw optionError('siteId', options.siteId, 'your Hotjar site id: a positive integer or a string of digits');
  }
  const [isMode, modeValues] = oneOf('sanitize', 'strict');
  const [isConsent, consentValues] = oneOf('granted', 'pending');
  return {
    siteId,
    hotjarVersion: check('hotjarVersion', digits(options.hotjarVersion), isPositiveInteger, POSITIVE_INTEGER, 6),
    debug: check('debug', options.debug, isBoolean, 'true or false', false),
    nonce: check('nonce', options.nonce, (v) => typeof v === 'string' && v !== '', 'a non-empty string', undefined),
    loadScript: check('loadScript', options.loadScript, isBoolean, 'true or false', true),
    consent: check('consent', options.consent, isConsent, consentValues, 'granted'),
    include: check('events.include', events.include, isPatterns, PATTERNS, undefined),
    exclude: check('events.exclude', events.exclude, isPatterns, PATTERNS, []),
    map: check<EventMap | undefined>('events.map', events.map, isFunction, 'a function', undefined),
    identify,
    eventName: {
      mode: check('eventName.mode', eventName.mode, isMode, modeValues, EVENT_NAME_DEFAULTS.mode),
      maxLength: check(
        'eventName.maxLength',
        eventName.maxLength,
        isPositiveInteger,
        POSITIVE_INTEGER,
        EVENT_NAME_DEFAULTS.maxLength,
      ),
    },
    onDiagnostic: check('onDiagnostic', options.onDiagnostic, (v) => typeof v === 'function', 'a function', undefined),
    runtime: check(
      'runtime',
      options.runtime,
      isHotjarRuntime,
      'an object with the methods of HotjarRuntime',
      undefined,
    ),
  };
}

const RUNTIME_METHODS = ['hasWindow', 'existingSiteId', 'installStub', 'inject', 'call', 'currentPath'] as const;

function isHotjarRuntime(value: unknown): value is HotjarRuntime {
  return (
    typeof value === 'object' &&
    value !== null &&
    RUNTIME_METHODS.every((m) => typeof (value as Record<string, unknown>)[m] === 'function')
  );
}
