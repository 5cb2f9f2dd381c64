import type { EventMap, HotjarCall, HotjarDiagnostic } from '@hotjar-bridge/core';

/** Options every vendor plugin takes from the core, as the shared suite passes them. */
export interface SharedPluginOptions {
  identify?: { nested?: 'flatten' | 'reject' };
  events?: { include?: Array<string | RegExp>; exclude?: Array<string | RegExp>; map?: EventMap };
  consent?: 'granted' | 'pending';
  /** Page changes become Hotjar stateChange calls (each plugin's `pageChanges`). @default false */
  pageChanges?: boolean;
  /** Identify calls without a user id are sent, with only the allowlisted attributes (Segment's `identifyAnonymous`; Amplitude always does). @default false */
  identifyAnonymous?: boolean;
}

/** One vendor SDK with the plugin installed, driven the way a user's code would drive it. */
export interface VendorSession {
  /** The vendor's identify call with this user id and these traits (Amplitude: `$set` of each trait). */
  identify(userId: string | undefined, traits: Record<string, unknown>): Promise<void>;
  /** The vendor's track call with properties. */
  track(name: string, properties?: Record<string, unknown>): Promise<void>;
  /** The vendor's track call for someone else: this one event carries `userId` (Amplitude's `user_id` event option, Segment's `userId` option); the SDK's user stays as it is. */
  trackFor?(userId: string, name: string, properties?: Record<string, unknown>): Promise<void>;
  /** The vendor's own user id setter with no event (Amplitude's `setUserId`), where it has one. */
  setUserId?(userId: string | undefined): void;
  /** The vendor's logout: forgets the user (`reset()`), synchronously as the app calls it. */
  reset?(): void;
  /** The user id the SDK holds now (`getUserId()`, `user().id()`), `null` for none. */
  sdkUserId?(): string | null;
  /** The vendor's page call for this path (Amplitude: a `[Amplitude] Page Viewed` event with `[Amplitude] Page Path`). */
  pageView?(path: string): Promise<void>;
  /** Waits until the SDK has handed every call so far to its destinations and its own upload. */
  settle(): Promise<void>;
  /** Hotjar calls the plugin made, in order, as `window.hj` received them. */
  hotjarCalls(): HotjarCall[];
  /** Event names (or types) the SDK's own upload received, in order. */
  delivered(): string[];
  /** The properties the SDK's own upload carried for the first event of that name, as uploaded. */
  deliveredProperties(name: string): unknown;
  /** Diagnostics the plugin reported. */
  diagnostics(): HotjarDiagnostic[];
  /** Uncaught errors and unhandled rejections seen while the session ran. */
  errors(): unknown[];
  close(): Promise<void>;
}

/** What each vendor supplies to run the shared behaviour suite. */
export interface VendorDriver {
  name: string;
  start(options?: SharedPluginOptions): Promise<VendorSession>;
}
