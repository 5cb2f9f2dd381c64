import type { Types } from '@amplitude/analytics-browser';
import { type HotjarPluginOptions, hotjarPlugin } from '@hotjar-bridge/amplitude';
import type { HotjarDiagnostic } from '@hotjar-bridge/core';
import { type RecordingRuntimeOptions, recordingRuntime } from '../../../test/shared/recording-runtime';

/** A plugin over the recording runtime, set up as the SDK would with `config`. */
export async function unitPlugin(
  options: Partial<HotjarPluginOptions> = {},
  config: Partial<Types.BrowserConfig> = {},
  runtimeOptions: RecordingRuntimeOptions = {},
  client: object = {},
) {
  // A fresh browser: no $setOnce key remembered from an earlier test.
  localStorage.clear();
  const runtime = recordingRuntime(runtimeOptions);
  const diagnostics: HotjarDiagnostic[] = [];
  const plugin = hotjarPlugin({ siteId: 1234567, runtime, onDiagnostic: (d) => diagnostics.push(d), ...options });
  await plugin.setup?.({ optOut: false, ...config } as Types.BrowserConfig, client as Types.BrowserClient);
  return { plugin, runtime, diagnostics, execute: (event: object) => plugin.execute(event as Types.Event) };
}

/** An event as the SDK hands it to destinations. */
export function amplitudeEvent(eventType: string, fields: Record<string, unknown> = {}): Types.Event {
  return { event_type: eventType, device_id: 'device-abc', time: 1, ...fields } as Types.Event;
}

/**
 * A plugin whose client answers `getUserId()` with `user.id`, as the SDK's client does: the
 * SDK's user changes with no hook called (`user.id = 'u'`).
 */
export async function pluginWithUser(options: Partial<HotjarPluginOptions> = {}, id?: string) {
  const user: { id: string | undefined } = { id };
  const unit = await unitPlugin(options, { userId: id }, {}, { getUserId: () => user.id });
  return { ...unit, user };
}

/** Resolves in a later task: after the timers set up to now (the plugin's identify after setup) have run. */
export const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** A plugin whose SDK has the user `userId`, with Hotjar told so after setup and that call cleared. */
export async function signedIn(userId: string, options: Partial<HotjarPluginOptions> = {}) {
  const unit = await pluginWithUser(options, userId);
  await nextTask();
  unit.runtime.calls.splice(0);
  unit.diagnostics.splice(0);
  return unit;
}
