'use client';

import { hotjarPlugin } from '@hotjar-bridge/segment';
import { AnalyticsBrowser } from '@segment/analytics-next';
import { usePathname } from 'next/navigation';
import { useEffect, useRef } from 'react';

// Set these in .env.local (see .env.example).
const HOTJAR_SITE_ID = process.env.NEXT_PUBLIC_HOTJAR_SITE_ID ?? '1234567';
const SEGMENT_WRITE_KEY = process.env.NEXT_PUBLIC_SEGMENT_WRITE_KEY ?? 'your-segment-write-key';

/** Segment for the whole app: calls made before it has loaded wait for it. */
export const analytics = new AnalyticsBrowser();

// Once per page load: React runs effects twice in development, and a layout can remount.
let started = false;

/**
 * Loads Segment with the Hotjar plugin in the browser, after hydration, and tells Segment of
 * each page, the first and every client-side navigation after it. It renders nothing.
 */
export function SegmentAnalytics() {
  const pathname = usePathname();
  // The path this component last reported. In development React runs each effect twice on
  // mount (StrictMode), which would send two page() calls, and two Hotjar stateChanges, for
  // one navigation. A ref survives that second run, as it is the same component; a layout
  // that really remounts (left and entered again) starts with a new ref and reports its page.
  const reported = useRef<string | null>(null);
  useEffect(() => {
    if (!started) {
      started = true;
      analytics.load({ writeKey: SEGMENT_WRITE_KEY });
      analytics.register(hotjarPlugin({ siteId: HOTJAR_SITE_ID, hotjarVersion: 6, pageChanges: true }));
    }
    if (reported.current === pathname) return;
    reported.current = pathname;
    // Segment does not follow navigations by itself; with pageChanges each page() is a stateChange.
    analytics.page();
  }, [pathname]);
  return null;
}
