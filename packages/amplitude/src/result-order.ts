/** The parts of Amplitude's timeline this module reads: `client.timeline` is public in analytics-core. */
interface Timeline {
  plugins: Array<{ name?: unknown; type?: unknown }>;
}

/** What `placeAfterSdkDestination` found. */
export type Placement = 'after' | 'moved' | 'no-sdk-destination' | 'no-timeline';

// The SDK's own upload destination, which `init()` adds under this name.
const SDK_DESTINATION = 'amplitude';

const isDestination = (plugin: { name?: unknown; type?: unknown }, name: unknown) =>
  plugin.type === 'destination' && plugin.name === name;

/** The client's timeline, when the client has one that reads as analytics-core's. */
export function timelineOf(client: unknown): Timeline | undefined {
  const timeline = (client as { timeline?: { plugins?: unknown } } | undefined)?.timeline;
  return Array.isArray(timeline?.plugins) ? (timeline as Timeline) : undefined;
}

/**
 * Puts `plugin` right after the SDK's own destination when it stands before it. Amplitude
 * resolves `track().promise` with the first destination's Result, so this is what keeps
 * Hotjar's outcome out of the app's promise. Splicing is synchronous: no event sees the
 * plugin missing, or twice.
 */
export function placeAfterSdkDestination(timeline: Timeline | undefined, plugin: object): Placement {
  if (timeline === undefined) return 'no-timeline';
  const { plugins } = timeline;
  const sdk = plugins.findIndex((p) => isDestination(p, SDK_DESTINATION));
  if (sdk === -1) return 'no-sdk-destination';
  const own = plugins.indexOf(plugin);
  if (own === -1 || own > sdk) return 'after';
  plugins.splice(own, 1);
  plugins.splice(sdk, 0, plugin as Timeline['plugins'][number]);
  return 'moved';
}
