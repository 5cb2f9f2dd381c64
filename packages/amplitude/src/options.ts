import type { HotjarBridgeOptions } from '@hotjar-bridge/core';
import { flag } from '@hotjar-bridge/core/internal';

/** Options of `hotjarPlugin`: every option of the core bridge, plus how Amplitude's own events are treated. */
export interface HotjarPluginOptions extends HotjarBridgeOptions {
  /** `[Amplitude] Page Viewed` events call Hotjar's stateChange with the event's `[Amplitude] Page Path`. @default false */
  pageChanges?: boolean;
  /** Events Amplitude generates itself (names starting with `[Amplitude]`, and `session_start`/`session_end`) are sent as Hotjar events only when true. @default false */
  forwardAmplitudeEvents?: boolean;
}

/** The plugin's own options after validation; the core validates the rest. */
export interface ResolvedPluginOptions {
  pageChanges: boolean;
  forwardAmplitudeEvents: boolean;
}

/** Validates the options only this package adds; call after the core has accepted `options` as an object. */
export function resolvePluginOptions(options: HotjarPluginOptions): ResolvedPluginOptions {
  return { pageChanges: flag(options, 'pageChanges'), forwardAmplitudeEvents: flag(options, 'forwardAmplitudeEvents') };
}
