// The plugin's sentences for developers, in one table that every production bundler drops
// (it replaces `process.env.NODE_ENV`); Node and development builds keep it. Without it, each
// report reads as the core writes it from its fields: `identify: "group" skipped (unsupported)`,
// and an option error says the value is invalid.
export const SENTENCES =
  process.env.NODE_ENV !== 'production'
    ? {
        // What the consentCategory option must be.
        consentCategory: 'a consent category name (a non-empty string)',
        // Skips, explained after the reason.
        noUserId: 'no userId, see identifyAnonymous',
        otherUser: "made for another user than Segment's",
        group: 'Hotjar has no groups',
        alias: 'Hotjar has no aliases',
        screen: 'Hotjar has no screens',
      }
    : undefined;
