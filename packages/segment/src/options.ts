import type { HotjarBridgeOptions } from '@hotjar-bridge/core';
import { optionError } from '@hotjar-bridge/core/internal';

/** Options of `hotjarPlugin`: every option of the core bridge, plus how Segment's calls are read. */
export interface HotjarPluginOptions extends HotjarBridgeOptions {
  /** Send identify calls that have no userId, with a `null` Hotjar user id and personal data removed; Segment's own Hotjar destination does not. @default false */
  identifyAnonymous?: boolean;
  /** `page()` calls Hotjar's stateChange with the page's path and query. @default false */
  pageChanges?: boolean;
  /** Forward an event only when its `context.consent.categoryPreferences[consentCategory]` is true, and load Hotjar at the first event that grants it. @default none: every event is forwarded */
  consentCategory?: string;
}

/** The plugin's own options after validation; the core validates the rest. */
export interface ResolvedPluginOptions {
  identifyAnonymous: boolean;
  pageChanges: boolean;
  consentCategory: string | undefined;
}

function flag(options: HotjarPluginOptions, option: 'identifyAnonymous' | 'pageChanges'): boolean {
  const value: unknown = options[option];
  if (value !== undefined && typeof value !== 'boolean') throw optionError(option, value, 'true or false');
  return value === true;
}

/** Validates the options only this package adds; call after the core has accepted `options`. */
export function resolvePluginOptions(options: HotjarPluginOptions): ResolvedPluginOptions {
  const category: unknown = options.consentCategory;
  if (category !== undefined && (typeof category !== 'string' || category === '')) {
    throw optionError('consentCategory', category, 'a consent category name (a non-empty string)');
  }
  return {
    identifyAnonymous: flag(options, 'identifyAnonymous'),
    pageChanges: flag(options, 'pageChanges'),
    consentCategory: category,
  };
}
