// The one reference to the build mode in this package: every bundler replaces it, Node and vitest read it.
declare const process: { env: { NODE_ENV?: string } };

/**
 * The plugin's sentences for developers. A production build has none of it (`process.env.NODE_ENV`
 * is `"production"` there): each report then reads as the core writes it from its fields,
 * `identify: "$add" skipped (unsupported)`. Read it as `SENTENCES && SENTENCES.x`: the
 * sentence is then written only where there is a table.
 */
export const SENTENCES = (() => {
  try {
    return process.env.NODE_ENV !== 'production'
      ? {
          // Skips, explained after the reason.
          unsupported: 'Hotjar has no such operation',
          placeholder: (value: string) => `Amplitude's "${value}" placeholder`,
          alreadySetOnce: 'sent before from this browser',
          nothingLeft: 'no attribute left to send',
          otherUser: "made for another user than the SDK's",
          noGroups: 'Hotjar has no groups',
          ownEvent: "Amplitude's own event, forwardAmplitudeEvents is false",
          optedOut: 'Amplitude is opted out',
          eventThrew: 'reading the event threw',
          // Load problems, whole sentences.
          configThrew: "load: reading Amplitude's config threw",
          resultOrder:
            "load: Amplitude's own destination is not ahead of this plugin; track().promise gets this plugin's Result",
        }
      : undefined;
  } catch {
    // A page with no `process` whose bundler did not replace it: the short forms, as in production.
    return undefined;
  }
})();
