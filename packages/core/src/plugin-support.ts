import type { DiagnosticCall, SkipReason } from './diagnostics';
import { optionError } from './options';

/**
 * A true/false option of a plugin: `fallback` when it is absent; throws the option error for
 * anything else, so that `pageChanges: 'yes'` fails at the factory.
 */
export function flag<O extends object>(options: O, option: keyof O & string, fallback = false): boolean {
  const value: unknown = options[option];
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') throw optionError(option, value, 'true or false');
  return value;
}

/**
 * The sentence of a skip that a plugin decides, worded as the core's own with the reason
 * explained: `event: "session_start" skipped (excluded: Amplitude's own event)`.
 */
export function skipMessage(call: DiagnosticCall, reason: SkipReason, why: string, subject?: string): string {
  return `${call}:${subject === undefined ? '' : ` "${subject}"`} skipped (${reason}: ${why})`;
}
