import type { DiagnosticCall, SkipReason } from './diagnostics';
import { optionError } from './options';
import { SENTENCES } from './sentences';

/**
 * A true/false option of a plugin: `fallback` when it is absent; throws the option error for
 * anything else, so that `pageChanges: 'yes'` fails at the factory.
 */
export function flag<O extends object>(options: O, option: keyof O & string, fallback = false): boolean {
  const value: unknown = options[option];
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') throw optionError(option, value, SENTENCES && SENTENCES.expected.boolean);
  return value;
}

/**
 * The development sentence of a skip that a plugin decides, worded as the core's own with the
 * reason explained: `event: "session_start" skipped (excluded: Amplitude's own event)`. Undefined
 * in production, and when `why` (the plugin's own development text) is: the core then writes the
 * short form, `event: "session_start" skipped (excluded)`.
 */
export function skipMessage(
  call: DiagnosticCall,
  reason: SkipReason,
  why: string | undefined,
  subject?: string,
): string | undefined {
  return SENTENCES && why !== undefined ? SENTENCES.skip(call, reason, why, subject) : undefined;
}
