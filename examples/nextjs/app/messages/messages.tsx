'use client';

import { createInstance } from '@amplitude/analytics-browser';
import { hotjarPlugin as amplitudePlugin } from '@hotjar-bridge/amplitude';
import { hotjarPlugin as segmentPlugin } from '@hotjar-bridge/segment';
import { AnalyticsBrowser } from '@segment/analytics-next';
import { useEffect, useState } from 'react';

type Vendor = 'amplitude' | 'segment';
type Report = { kind: string; call: string; reason: string; subject?: string; message: string };
interface Said {
  refusals: Partial<Record<Vendor, string>>;
  reports: Partial<Record<Vendor, Report[]>>;
}

// Once per page load: React runs effects twice in development.
let started = false;

/** The plugin's error for a site id that is not one. */
function refusal(factory: (options: { siteId: string }) => unknown): string {
  try {
    factory({ siteId: 'abc' });
    return 'accepted';
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/**
 * Has each plugin refuse a bad site id, and report an event its `events.map` gives no name
 * for ("Heartbeat"), each through its own SDK instance; shows what they said.
 */
export function Messages() {
  const [said, setSaid] = useState<Said | null>(null);
  useEffect(() => {
    if (started) return;
    started = true;
    const reports: Said['reports'] = { amplitude: [], segment: [] };
    const options = (vendor: Vendor) => ({
      siteId: process.env.NEXT_PUBLIC_HOTJAR_SITE_ID ?? '1234567',
      hotjarVersion: 6,
      events: { map: ({ name }: { name: string }) => (name === 'Heartbeat' ? null : name) },
      onDiagnostic: ({ kind, call, reason, subject, message }: Report) => {
        if (subject === 'Heartbeat') reports[vendor]?.push({ kind, call, reason, subject, message });
      },
    });
    const refusals = { amplitude: refusal(amplitudePlugin), segment: refusal(segmentPlugin) };
    const run = async () => {
      const amplitude = createInstance();
      amplitude.add(amplitudePlugin(options('amplitude')));
      await amplitude.init(process.env.NEXT_PUBLIC_AMPLITUDE_API_KEY ?? 'your-amplitude-api-key', {
        autocapture: false,
        remoteConfig: { fetchRemoteConfig: false },
      }).promise;
      await amplitude.track('Heartbeat').promise;
      const [analytics] = await AnalyticsBrowser.load({
        writeKey: process.env.NEXT_PUBLIC_SEGMENT_WRITE_KEY ?? 'your-segment-write-key',
        plugins: [segmentPlugin(options('segment'))],
      });
      await analytics.track('Heartbeat');
    };
    void run().finally(() => setSaid({ refusals, reports }));
  }, []);
  return (
    <>
      <h2>What they said</h2>
      <pre>{said ? JSON.stringify(said, null, 2) : 'running…'}</pre>
    </>
  );
}
