import type { DiagnosticCall, SkipReason } from './diagnostics';

// The one reference to the build mode: every bundler replaces it, Node and vitest read it.
declare const process: { env: { NODE_ENV?: string } };

/** A subject as a message quotes it: ` "name"`, or nothing. */
const quoted = (subject: string | undefined) => (subject === undefined ? '' : ` "${subject}"`);

/**
 * The words of a development build: what each option expects, and the sentences that explain a
 * report beyond its reason. A production build has none of it: bundlers replace
 * `process.env.NODE_ENV` with `"production"`, the table is `undefined`, and every line reading it
 * falls back to the short form (`siteId is invalid`, `event: "x" skipped (map-none)`), which the
 * README's table of codes explains. The checks themselves never read this table.
 *
 * The table is written inside the condition, so that a bundler that replaced the condition drops
 * it whole; the condition is read inside `try`, so that a page where nothing replaced it and
 * there is no `process` gets the short forms rather than an error on import. Read it as
 * `SENTENCES && SENTENCES.x`: the sentence is then written only where there is a table.
 */
export const SENTENCES = (() => {
  try {
    return process.env.NODE_ENV !== 'production'
      ? {
          expected: {
            options: 'an object with at least siteId',
            siteId: 'your Hotjar site id: a positive integer or a string of digits',
            positiveInteger: 'a positive integer',
            boolean: 'true or false',
            function: 'a function',
            object: 'an object',
            string: 'a string',
            nonEmptyString: 'a non-empty string',
            patterns: 'an array of strings and regular expressions',
            runtime: 'an object with the methods of HotjarRuntime',
          },
          oneOf: (allowed: readonly string[]) => allowed.map((a) => `"${a}"`).join(' or '),
          /** A skip with its reason explained: `event: "x" skipped (excluded: Amplitude's own event)`. */
          skip: (call: DiagnosticCall, reason: SkipReason, why: string, subject?: string) =>
            `${call}:${quoted(subject)} skipped (${reason}: ${why})`,
          snippetBlocked:
            "load: Hotjar's inline snippet did not run; if a Content Security Policy blocks it, pass its nonce as the nonce option",
          userIdDropped: (reason: string) => `identify: user id dropped (${reason}), sent as null`,
          moreKeysDropped: (key: string, more: number, reason: string) =>
            `identify: "${key}" and ${more} more keys dropped (${reason})`,
          renamed: (subject: string, name: string) => `event: "${subject}" sent as "${name}"`,
          namedBy: (own: string | undefined) => `named by events.map${own === undefined ? '' : ` for "${own}"`}`,
          renamedByMap: (shown: string, namedBy: string | undefined) => `event: "${shown}" sent cleaned (${namedBy})`,
          mapNone: 'no name',
          mapEmpty: 'an empty list',
          mapThrew: 'it threw',
          mapUnreadable: 'unreadable',
          mapPromise: 'a promise: names must be given at once',
          mapTooMany: (length: unknown, max: number) => `${String(length)} names, at most ${max}`,
          /** What a value is, in words that quote none of it: the value may be the event's data. */
          mapGave: (value: unknown, inList: boolean) => {
            const what =
              value === null || value === undefined
                ? String(value)
                : Array.isArray(value)
                  ? 'a list'
                  : typeof value === 'object'
                    ? 'an object'
                    : `a ${typeof value}`;
            return inList ? `a list holding ${what}` : what;
          },
        }
      : undefined;
  } catch {
    // A page with no `process` whose bundler did not replace it: the short forms, as in production.
    return undefined;
  }
})();
