import type { HotjarBridgeOptions } from '@hotjar-bridge/core';
import { flag, optionError } from '@hotjar-bridge/core/internal';
import { SENTENCES } from './sentences';

/** Options of `hotjarPlugin`: every option of the core bridge, plus how Segment's calls are read. */
export interface HotjarPluginOptions extends HotjarBridgeOptions {
  /** Send identify calls that have no userId, with a `null` Hotjar user id and personal data removed; Segment's own Hotjar destination does not. @default false */
  identifyAnonymous?: boolean;
  /** `page()` calls Hotjar's stateChange with the page's path (query string and fragment cut). @default false */
  pageChanges?: boolean;
  /** At each page load, identify the user Segment has stored from an earlier visit (`analytics.user()`), as Hotjar recommends, once consent allows; an app's identify held back for consent is sent the same way. @default true */
  identifyOnLoad?: boolean;
  /** Forward an event only when its `context.consent.categoryPreferences[consentCategory]` is true, and load Hotjar at the first event that grants it. @default none: every event is forwarded */
  consentCategory?: string;
}

/** The plugin's own options after validation; the core validates the rest. */
export interface ResolvedPluginOptions {
  identifyAnonymous: boolean;
  pageChanges: boolean;
  identifyOnLoad: boolean;
  consentCategory: string | undefined;
}

/** Validates the options only this package adds; call after the core has accepted `options`. */
export function resolvePluginOptions(options: HotjarPluginOptions): ResolvedPluginOptions {
  const category: unknown = options.consentCategory;
  if (category !== undefined && (typeof category !== 'string' || category === '')) {
    throw optionError('consentCategory', category, SENTENCES && SENTENCES.consentCategory);
  }
  return {
    identifyAnonymous: flag(options, 'identifyAnonymous'),
    pageChanges: flag(options, 'pageChanges'),
    identifyOnLoad: flag(options, 'identifyOnLoad', true),
    consentCategory: category,
  };
}
