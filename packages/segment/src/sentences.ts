// The one reference to the build mode in this package: every bundler replaces it, Node and vitest read it.
declare const process: { env: { NODE_ENV?: string } };

/**
 * The plugin's sentences for developers. A production build has none of it (`process.env.NODE_ENV`
 * is `"production"` there): each report then reads as the core writes it from its fields,
 * `identify: "group" skipped (unsupported)`, and an option error says the value is invalid.
 * Read it as `SENTENCES && SENTENCES.x`: the sentence is then written only where there is a table.
 */
export const SENTENCES = (() => {
  try {
    return process.env.NODE_ENV !== 'production'
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
  } catch {
    // A page with no `process` whose bundler did not replace it: the short forms, as in production.
    return undefined;
  }
})();
