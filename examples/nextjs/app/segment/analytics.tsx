'use client';

import { hotjarPlugin } from '@hotjar-bridge/segment';
import { AnalyticsBrowser } from '@segment/analytics-next';
import { usePathname } from 'next/navigation';
import { useEffect } from 'react';

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
  // biome-ignore lint/correctness/useExhaustiveDependencies: each new pathname is a navigation to report, read by Segment from the page
  useEffect(() => {
    if (!started) {
      started = true;
      analytics.load({ writeKey: SEGMENT_WRITE_KEY });
      analytics.register(hotjarPlugin({ siteId: HOTJAR_SITE_ID, hotjarVersion: 6, pageChanges: true }));
    }
    // Segment does not follow navigations by itself; with pageChanges each page() is a stateChange.
    analytics.page();
  }, [pathname]);
  return null;
}
