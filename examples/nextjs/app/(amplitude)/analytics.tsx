'use client';

import * as amplitude from '@amplitude/analytics-browser';
import { hotjarPlugin } from '@hotjar-bridge/amplitude';
import { useEffect } from 'react';

// Set these in .env.local (see .env.example).
const HOTJAR_SITE_ID = process.env.NEXT_PUBLIC_HOTJAR_SITE_ID ?? '1234567';
const AMPLITUDE_API_KEY = process.env.NEXT_PUBLIC_AMPLITUDE_API_KEY ?? 'your-amplitude-api-key';

// Once per page load: React runs effects twice in development, and a layout can remount.
let started = false;

/**
 * Starts Amplitude with the Hotjar plugin in the browser, after hydration. It renders nothing,
 * so the server's HTML and the first client render are the same.
 */
export function Analytics() {
  useEffect(() => {
    if (started) return;
    started = true;
    amplitude.init(AMPLITUDE_API_KEY, {
      autocapture: {
        // next/link navigates with history.pushState: each one is a page view, and with
        // pageChanges a Hotjar stateChange. 'pathOnly' ignores Next's own same-URL updates.
        pageViews: { trackHistoryChanges: 'pathOnly' },
        // Attribution identifies every new user with about twenty initial_* campaign
        // properties; left on, each would become a Hotjar user attribute.
        attribution: false,
      },
    });
    amplitude.add(hotjarPlugin({ siteId: HOTJAR_SITE_ID, hotjarVersion: 6, pageChanges: true }));
  }, []);
  return null;
}
