import type { EventNameProblem } from './event-name';
import type { DropReason } from './identify';

/** Why a whole call was not forwarded to Hotjar. */
export type SkipReason =
  | EventNameProblem
  | 'consent-pending'
  | 'consent-revoked'
  | 'excluded'
  | 'not-included'
  | 'nothing-to-send'
  | 'invalid-path'
  | 'no-window'
  | 'other-site'
  | 'unsupported'
  | 'internal-error';

/** Why Hotjar could not be loaded as asked. */
export type LoadProblem = 'no-window' | 'other-site' | 'snippet-blocked' | 'internal-error';

/** The Hotjar call a diagnostic is about. */
export type DiagnosticCall = 'identify' | 'event' | 'stateChange' | 'load';

/** One thing that did not reach Hotjar as it was given, with the reason. */
export type HotjarDiagnostic =
  | { kind: 'dropped'; call: 'identify'; reason: DropReason; subject: string; message: string }
  | { kind: 'truncated'; call: 'identify'; reason: 'too-long'; subject: string; message: string }
  | { kind: 'renamed'; call: 'event'; reason: 'sanitized'; subject: string; message: string }
  | { kind: 'skipped'; call: DiagnosticCall; reason: SkipReason; subject?: string; message: string }
  | { kind: 'load'; call: 'load'; reason: LoadProblem; subject?: string; message: string };

/** Receives every dropped or changed field, skipped call and load problem. */
export type DiagnosticHandler = (diagnostic: HotjarDiagnostic) => void;

const DROP_MESSAGES: Record<DropReason, string> = {
  null: 'the value is null',
  undefined: 'the value is undefined',
  'not-finite': 'the number is not finite',
  'unsafe-number': 'the number is outside +-Number.MAX_SAFE_INTEGER',
  'bigint-out-of-range': 'the bigint is outside +-Number.MAX_SAFE_INTEGER',
  function: 'functions cannot be sent',
  symbol: 'symbols cannot be sent',
  array: 'Hotjar rejects lists',
  'non-plain-object': 'only plain objects, strings, numbers, booleans and Dates can be sent',
  'invalid-date': 'the Date is invalid',
  'getter-threw': 'reading the value threw',
  unreadable: 'the object could not be read',
  'empty-key': 'the attribute name is empty',
  cycle: 'the object refers to itself',
  nested: 'Hotjar rejects nested objects (identify.nested is "reject")',
  'duplicate-key': 'an earlier trait already produced this attribute name',
  'key-too-long': 'the attribute name is longer than identify.maxKeyLength',
  'email-in-wrong-key': 'Hotjar accepts an email address only under the key "email"',
  'invalid-email': 'the "email" attribute must hold one email address',
  'personal-data-without-user-id': 'Hotjar accepts no personal data without a user id',
  'attribute-limit': 'more attributes than identify.maxAttributes',
};

/** A sentence for the debug log and the diagnostics callback. */
export function dropMessage(key: string, reason: DropReason): string {
  return `identify: attribute "${key}" dropped: ${DROP_MESSAGES[reason]}`;
}
