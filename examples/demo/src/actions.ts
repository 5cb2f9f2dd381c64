/** One button on the page: the SDK call it makes, shown as the code a user would write. */
export interface DemoAction {
  label: string;
  /** The code shown in the log, written when the button is pressed. */
  code: string | (() => string);
  /** A sentence shown on the card under the code, for what the call alone would not explain. */
  note?: string;
  /** For an SDK that sends a call's traits with those it kept from earlier calls (Segment). */
  keptTraits?: KeptTraits;
  run(): Promise<unknown>;
}

/**
 * The fields an identify call passes itself; a field left out that is not one of them came
 * from an earlier call, and the card marks it and shows `note`.
 */
export interface KeptTraits {
  fields: string[];
  note: string;
}

/** An SDK set up with the plugin, as the page drives it. */
export interface DemoSdk {
  actions: DemoAction[];
  grantConsent(): void;
  revokeConsent(): void;
}

/** Where the page goes on each "page change": a few paths of a single-page app, in turn. */
export const PAGES = ['/pricing?plan=pro', '/docs/getting-started', '/account/settings?tab=billing', '/'];

export function nextPage(): string {
  const index = (PAGES.indexOf(location.pathname + location.search) + 1) % PAGES.length;
  return PAGES[index] ?? '/';
}
