import type { Types } from '@amplitude/analytics-browser';
import { type HotjarPluginOptions, hotjarPlugin } from '@hotjar-bridge/amplitude';
import type { HotjarDiagnostic } from '@hotjar-bridge/core';
import { type RecordingRuntimeOptions, recordingRuntime } from '../../../test/shared/recording-runtime';

/** A plugin over the recording runtime, set up as the SDK would with `config`. */
export async function unitPlugin(
  options: Partial<HotjarPluginOptions> = {},
  config: Partial<Types.BrowserConfig> = {},
  runtimeOptions: RecordingRuntimeOptions = {},
) {
  // A fresh browser: no $setOnce key remembered from an earlier test.
  localStorage.clear();
  const runtime = recordingRuntime(runtimeOptions);
  const diagnostics: HotjarDiagnostic[] = [];
  const plugin = hotjarPlugin({ siteId: 1234567, runtime, onDiagnostic: (d) => diagnostics.push(d), ...options });
  await plugin.setup?.({ optOut: false, ...config } as Types.BrowserConfig, {} as Types.BrowserClient);
  return { plugin, runtime, diagnostics, execute: (event: object) => plugin.execute(event as Types.Event) };
}

/** An event as the SDK hands it to destinations. */
export function amplitudeEvent(eventType: string, fields: Record<string, unknown> = {}): Types.Event {
  return { event_type: eventType, device_id: 'device-abc', time: 1, ...fields } as Types.Event;
}
