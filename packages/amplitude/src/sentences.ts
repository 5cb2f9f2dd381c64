// The plugin's sentences for developers, in one table that every production bundler drops
// (it replaces `process.env.NODE_ENV`); Node and development builds keep it. Without it, each
// report reads as the core writes it from its fields: `identify: "$add" skipped (unsupported)`.
export const SENTENCES =
  process.env.NODE_ENV !== 'production'
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
