import { shortenedWithoutEmails } from './email';
import type { EventNameProblem } from './event-name';
import type { DropReason } from './identify-types';

/**
 * Why a whole call was not forwarded to Hotjar. An open set: new reasons may be added in a
 * minor version, so a `switch` over it should keep a default branch.
 */
export type SkipReason =
  | EventNameProblem
  // What `events.map` gave: nothing, an error, or something that is not a name (`EventMapProblem`).
  | 'map-none'
  | 'map-threw'
  | 'map-invalid'
  | 'consent-pending'
  | 'consent-revoked'
  | 'excluded'
  | 'not-included'
  | 'nothing-to-send'
  | 'invalid-path'
  | 'no-window'
  | 'other-site'
  | 'unsupported'
  | 'already-set-once'
  | 'other-user'
  | 'hotjar-unavailable'
  | 'internal-error';

/** Why Hotjar could not be loaded as asked. An open set, like `SkipReason`. */
export type LoadProblem = 'no-window' | 'other-site' | 'snippet-blocked' | 'result-order' | 'internal-error';

/**
 * Why a value was sent shortened: `'too-long'`, cut to `maxStringLength`; `'url-reduced'`, a
 * URL of an anonymous visitor sent without its query string, fragment and credentials. Open,
 * like `SkipReason`.
 */
export type TruncateReason = 'too-long' | 'url-reduced';

/** The Hotjar call a diagnostic is about. */
export type DiagnosticCall = 'identify' | 'event' | 'stateChange' | 'load';

/** One thing that did not reach Hotjar as it was given, with the reason. */
export type HotjarDiagnostic =
  | {
      kind: 'dropped';
      call: 'identify';
      reason: DropReason;
      subject: string;
      /** On the one `attribute-limit` report: how many keys after `subject` were not read. */
      more?: number;
      message: string;
    }
  | { kind: 'truncated'; call: 'identify'; reason: TruncateReason; subject: string; message: string }
  | { kind: 'renamed'; call: 'event'; reason: 'sanitized'; subject: string; message: string }
  | { kind: 'skipped'; call: DiagnosticCall; reason: SkipReason; subject?: string; message: string }
  | { kind: 'load'; call: 'load'; reason: LoadProblem; subject?: string; message: string };

/** Receives every dropped or changed field, skipped call and load problem. */
export type DiagnosticHandler = (diagnostic: HotjarDiagnostic) => void;

type WithoutMessage<T> = T extends unknown ? Omit<T, 'message'> : never;

/** A diagnostic as reported, before its sentence is written. */
export type DiagnosticInput = WithoutMessage<HotjarDiagnostic> & { message?: string };

/**
 * Completes a diagnostic with its message when it has none: the short form written from its
 * fields, `identify: "tags" dropped (array)`, with `+199` for the keys an `attribute-limit`
 * report counts. It is every message of a production build, and each code is in the README.
 */
export function diagnostic(input: DiagnosticInput): HotjarDiagnostic {
  const subject = input.subject === undefined ? '' : ` "${input.subject}"`;
  const more = input.kind === 'dropped' && input.more ? ` +${input.more}` : '';
  const message = input.message ?? `${input.call}:${subject} ${input.kind} (${input.reason})${more}`;
  return { ...input, message } as HotjarDiagnostic;
}

// A subject or message is shown at most this long: a report names what was left out, it does
// not repeat it, and the address scan of each report stays short.
const SUBJECT_MAX = 200;
const MESSAGE_MAX = 500;

/**
 * A diagnostic as it may be shown: every email address in subject and message, in any written
 * form, replaced by `<email>`, and then both shortened (an address crossing the cut is
 * replaced whole, see `shortenedWithoutEmails`). Every report goes through it, the plugins'
 * own included, so no skip needs to hide an address itself.
 */
export function reportable(input: DiagnosticInput): HotjarDiagnostic {
  const subject = input.subject === undefined ? undefined : shortenedWithoutEmails(input.subject, SUBJECT_MAX);
  const written = diagnostic({ ...input, subject } as DiagnosticInput);
  return { ...written, message: shortenedWithoutEmails(written.message, MESSAGE_MAX) };
}
