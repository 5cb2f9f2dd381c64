import type { DiagnosticHandler } from './diagnostics';
import { EVENT_NAME_DEFAULTS, type EventNameOptions } from './event-name';
import { IDENTIFY_DEFAULTS, type IdentifyOptions } from './identify';
import { isPlainObject } from './plain-object';
import type { HotjarRuntime } from './runtime';
import { isPositiveInteger } from './text';

/** Which event names `track` forwards. */
export interface EventFilterOptions {
  /** Only names matching one of these are forwarded (a string matches the whole name as given). @default every name */
  include?: Array<string | RegExp>;
  /** Names matching one of these are never forwarded; exclude wins over include. @default none */
  exclude?: Array<string | RegExp>;
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
  identify: IdentifyOptions;
  eventName: EventNameOptions;
  onDiagnostic: DiagnosticHandler | undefined;
  runtime: HotjarRuntime | undefined;
}

function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (value instanceof RegExp) return String(value);
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'function') return 'a function';
  if (typeof value === 'object' && value !== null) return 'an object';
  return String(value);
}

/**
 * The error for a bad option: names the option, the value and what is expected, so that a
 * mistake is fixed at the first page load rather than found missing in Hotjar weeks later.
 */
export function optionError(option: string, value: unknown, expected: string): Error {
  return new TypeError(`[hotjar-bridge] ${option} must be ${expected}, got ${show(value)}`);
}

function positiveInteger(option: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (!isPositiveInteger(value)) throw optionError(option, value, 'a positive integer');
  return value;
}

function oneOf<T extends string>(option: string, value: unknown, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (!(allowed as readonly unknown[]).includes(value)) {
    throw optionError(option, value, allowed.map((a) => `"${a}"`).join(' or '));
  }
  return value as T;
}

function boolean(option: string, value: unknown, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') throw optionError(option, value, 'true or false');
  return value;
}

function section(option: string, value: unknown): Record<string, unknown> {
  if (value === undefined) return {};
  if (!isPlainObject(value)) throw optionError(option, value, 'an object');
  return value;
}

function patterns(option: string, value: unknown): Array<string | RegExp> | undefined {
  if (value === undefined) return undefined;
  const ok = Array.isArray(value) && value.every((p) => typeof p === 'string' || p instanceof RegExp);
  if (!ok) throw optionError(option, value, 'an array of strings and regular expressions');
  return value as Array<string | RegExp>;
}

function siteIdOf(value: unknown): number {
  const id = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  // The id is written into the snippet's script source, so anything but digits is refused.
  if (!isPositiveInteger(id)) throw optionError('siteId', value, 'a positive integer or a string of digits');
  return id;
}

/** Validates bridge options, throwing a clear error for the first bad one. */
export function resolveBridgeOptions(options: unknown): ResolvedBridgeOptions {
  if (!isPlainObject(options)) throw optionError('options', options, 'an object with at least siteId');
  if (options.siteId === undefined) throw optionError('siteId', undefined, 'your Hotjar site id (a positive integer)');
  const version = options.hotjarVersion;
  const hotjarVersion = typeof version === 'string' && /^\d+$/.test(version) ? Number(version) : version;
  if (options.nonce !== undefined && (typeof options.nonce !== 'string' || options.nonce === '')) {
    throw optionError('nonce', options.nonce, 'a non-empty string');
  }
  if (options.onDiagnostic !== undefined && typeof options.onDiagnostic !== 'function') {
    throw optionError('onDiagnostic', options.onDiagnostic, 'a function');
  }
  const runtime = options.runtime;
  if (runtime !== undefined && !isHotjarRuntime(runtime)) {
    throw optionError('runtime', runtime, 'an object with the methods of HotjarRuntime');
  }
  const events = section('events', options.events);
  const identify = section('identify', options.identify);
  if (identify.separator !== undefined && typeof identify.separator !== 'string') {
    throw optionError('identify.separator', identify.separator, 'a string');
  }
  const eventName = section('eventName', options.eventName);
  return {
    siteId: siteIdOf(options.siteId),
    hotjarVersion: positiveInteger('hotjarVersion', hotjarVersion, 6),
    debug: boolean('debug', options.debug, false),
    nonce: options.nonce as string | undefined,
    loadScript: boolean('loadScript', options.loadScript, true),
    consent: oneOf('consent', options.consent, ['granted', 'pending'], 'granted'),
    include: patterns('events.include', events.include),
    exclude: patterns('events.exclude', events.exclude) ?? [],
    identify: {
      nested: oneOf<'flatten' | 'reject'>('identify.nested', identify.nested, ['flatten', 'reject'], IDENTIFY_DEFAULTS.nested),
      separator: (identify.separator as string | undefined) ?? IDENTIFY_DEFAULTS.separator,
      maxKeyLength: positiveInteger('identify.maxKeyLength', identify.maxKeyLength, IDENTIFY_DEFAULTS.maxKeyLength),
      maxStringLength: positiveInteger(
        'identify.maxStringLength',
        identify.maxStringLength,
        IDENTIFY_DEFAULTS.maxStringLength,
      ),
      maxAttributes: positiveInteger('identify.maxAttributes', identify.maxAttributes, IDENTIFY_DEFAULTS.maxAttributes),
    },
    eventName: {
      mode: oneOf<'sanitize' | 'strict'>('eventName.mode', eventName.mode, ['sanitize', 'strict'], EVENT_NAME_DEFAULTS.mode),
      maxLength: positiveInteger('eventName.maxLength', eventName.maxLength, EVENT_NAME_DEFAULTS.maxLength),
    },
    onDiagnostic: options.onDiagnostic as DiagnosticHandler | undefined,
    runtime: runtime as HotjarRuntime | undefined,
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
