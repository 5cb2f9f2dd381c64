import type { HotjarCall } from '@hotjar-bridge/core';
import type { ScenarioIdentify, ScenarioPluginOptions } from './fixtures/scenario-page';
import type { OpenScenario } from './harness';

export const SITE_ID = 1234567;

/** The identify every SDK makes in these scenarios: nested traits, an email in the wrong field, a list. */
export const IDENTIFY: ScenarioIdentify = {
  userId: 'user_42',
  set: {
    plan: 'pro',
    address: { city: 'Berlin', zip: '10115' },
    tags: ['beta', 'early'],
    email: 'peter@example.com',
    work_email: 'peter@initech.com',
  },
  setOnce: { signup_source: 'ads' },
  add: { logins: 1 },
};

/** A track with an awkward name and properties Hotjar never receives. */
export const TRACK = {
  name: 'Order #123 (paid)',
  properties: { total: 99.5, items: [{ sku: 'A-1', qty: 2 }], coupon: 'SPRING' },
} as const;

export const PAGE = '/pricing?plan=pro';
/** What both SDKs send Hotjar for `PAGE`: the path alone, the query string cut. */
const PAGE_CALL: HotjarCall = ['stateChange', '/pricing'];

/**
 * Amplitude's init options in every scenario. Page views on history changes are what the
 * plugin's pageChanges reads; the rest of autocapture would add events these scenarios do not
 * make. JSON only, so that a snippet page can write them into its inline script.
 */
export const AMPLITUDE_INIT_OPTIONS = {
  autocapture: {
    pageViews: { trackHistoryChanges: 'all' as const },
    sessions: false,
    formInteractions: false,
    fileDownloads: false,
    elementInteractions: false,
    attribution: false,
    webVitals: false,
    networkTracking: false,
    frustrationInteractions: false,
  },
  fetchRemoteConfig: false,
  flushIntervalMillis: 100,
  // Amplitude's LogLevel.Warn.
  logLevel: 2,
};

/** One SDK as the scenarios drive it, with what its plugin should make of the same calls. */
export interface SdkCase {
  name: 'Amplitude' | 'Segment';
  /** The key the SDK is started with (Amplitude's API key, Segment's write key). */
  apiKey: string;
  /** The scenario page for this SDK on the demo server. */
  path: string;
  /** Options every scenario gives this SDK's plugin. */
  plugin: ScenarioPluginOptions;
  /** Options that hold Hotjar back until `grantConsent()`. */
  consentPending: ScenarioPluginOptions;
  /** Hotjar calls the SDK's own start-up makes (Amplitude's first page view). */
  startCalls: HotjarCall[];
  /** Hotjar calls from `identify(IDENTIFY)`. */
  identifyCalls: HotjarCall[];
  /** Hotjar calls from `page(PAGE)`. */
  pageCalls: HotjarCall[];
  /** Hotjar calls that the first event after consent brings. */
  afterConsentCalls: HotjarCall[];
  /** The fields dropped from `IDENTIFY`, as `[subject, reason]`. */
  identifyDrops: Array<[string, string]>;
  /** Names (event types, or call types for untitled calls) the SDK's own upload received, in order. */
  uploaded(s: OpenScenario): string[];
  /** The uploaded copy of a tracked event's properties. */
  uploadedProperties(s: OpenScenario, name: string): unknown;
  /** What `start, identify, track, page` uploads. */
  expectedUploads: string[];
  /** The SDK's own options for the 10,000-event burst. */
  burstOptions?: Record<string, unknown>;
}

const identifyAttributes = {
  plan: 'pro',
  address_city: 'Berlin',
  address_zip: '10115',
  email: 'peter@example.com',
};

export const AMPLITUDE: SdkCase = {
  name: 'Amplitude',
  apiKey: 'scenario-api-key',
  path: '/scenario/amplitude',
  plugin: { siteId: SITE_ID, pageChanges: true },
  consentPending: { consent: 'pending' },
  // Amplitude's page-view tracking reports the page it starts on.
  startCalls: [['stateChange', '/scenario/amplitude']],
  // setUserId() then identify() in the same tick: one identify, with the attributes.
  identifyCalls: [['identify', 'user_42', { signup_source: 'ads', ...identifyAttributes }]],
  pageCalls: [PAGE_CALL],
  afterConsentCalls: [['identify', 'user_42', {}]],
  identifyDrops: [
    ['tags', 'array'],
    ['work_email', 'email-in-wrong-key'],
  ],
  uploaded: (s) => s.amplitudeEvents.map((e) => String(e.event_type)),
  uploadedProperties: (s, name) => s.amplitudeEvents.find((e) => e.event_type === name)?.event_properties,
  expectedUploads: ['[Amplitude] Page Viewed', '$identify', TRACK.name, '[Amplitude] Page Viewed'],
};

export const SEGMENT: SdkCase = {
  name: 'Segment',
  apiKey: 'scenario-write-key',
  path: '/scenario/segment',
  plugin: { siteId: SITE_ID, pageChanges: true },
  consentPending: { consentCategory: 'Analytics' },
  startCalls: [],
  identifyCalls: [['identify', 'user_42', identifyAttributes]],
  pageCalls: [PAGE_CALL],
  // The identify made before consent is not lost: the user Segment now stores is identified once it is granted.
  afterConsentCalls: [['identify', 'user_42', identifyAttributes]],
  identifyDrops: [
    ['tags', 'array'],
    ['work_email', 'email-in-wrong-key'],
  ],
  uploaded: (s) => s.segmentCalls.map((c) => String(c.event ?? c.type)),
  uploadedProperties: (s, name) => s.segmentCalls.find((c) => c.event === name)?.properties,
  expectedUploads: ['identify', TRACK.name, 'page'],
  // Segment reads its cookies on every call (milliseconds each in Chromium) and sends each
  // event in its own request. For the burst it keeps ids in memory and sends batches of ten,
  // so that the page's time goes to the plugin's path rather than to cookies and requests.
  burstOptions: { disableClientPersistence: true, deliveryStrategy: { strategy: 'batching', config: { size: 10 } } },
};

export const SDK_CASES: SdkCase[] = [AMPLITUDE, SEGMENT];
