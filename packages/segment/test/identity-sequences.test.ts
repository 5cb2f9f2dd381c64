import type { Analytics, Context, Plugin } from '@segment/analytics-next';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { type SegmentSession, startSegment } from '../../../test/drivers/segment';

// Identity sequences against the real Segment SDK: any mix of identify (with a user id, or
// keeping Segment's), reset and track with a per-event userId, awaited or not. The checker is
// written from the rule ("Hotjar's user is Segment's user, analytics.user(), when the plugin
// handles the call"), reading Segment itself, never the plugin's state.

type Step =
  | { kind: 'identify'; as: string | null }
  | { kind: 'reset' }
  | { kind: 'track'; as: string | undefined }
  | { kind: 'wait'; until: 'next-task' | 'settled' };

const USERS = ['u1', 'u2'];
const OTHER = 'customer-42';
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('identify' as const), as: fc.constantFrom(null, ...USERS) }),
  fc.record({ kind: fc.constant('reset' as const) }),
  fc.record({ kind: fc.constant('track' as const), as: fc.constantFrom(undefined, OTHER, ...USERS) }),
  fc.record({ kind: fc.constant('wait' as const), until: fc.constantFrom('next-task' as const, 'settled' as const) }),
);

// What Hotjar takes without a user id, from Hotjar's own example and the documented default
// allowlist: A/B tests, referrers, campaign parameters.
const ANONYMOUS_KEY = /^(initial_)?(ab_test|referrer|referring_domain|utm_[a-z]+)$/;

interface HotjarRecord {
  args: unknown[];
  /** Segment's user when the plugin called Hotjar. */
  sdkUser: string | null;
}
interface SpyRecord {
  marker: unknown;
  /** The userId Segment stamped the identify with. */
  stamped: string | null;
  /** Segment's user when Segment handed the identify to its destinations. */
  sdkUser: string | null;
}

const userOf = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

/** A destination beside the plugin that sees each identify, and Segment's user, as the plugin does. */
function spyDestination(records: SpyRecord[], ref: { analytics?: Analytics }): Plugin {
  return {
    name: 'identity-spy',
    type: 'destination',
    version: '1.0.0',
    isLoaded: () => true,
    async load(_ctx, analytics) {
      ref.analytics = analytics;
    },
    identify(ctx: Context) {
      const traits = (ctx.event.traits ?? {}) as Record<string, unknown>;
      records.push({
        marker: traits.utm_content,
        stamped: userOf(ctx.event.userId),
        sdkUser: userOf(ref.analytics?.user().id()),
      });
      return ctx;
    },
  };
}

function broken(hotjar: HotjarRecord[], spy: SpyRecord[]): string[] {
  const problems: string[] = [];
  const identifies = hotjar.filter((r) => r.args[0] === 'identify');
  for (const { args, sdkUser } of identifies) {
    const [, id, attributes] = args as [string, string | null, Record<string, unknown>];
    if (id !== null && id !== sdkUser) problems.push(`identify as ${id} while Segment's user was ${sdkUser}`);
    if (id === null) {
      for (const key of Object.keys(attributes)) {
        if (!ANONYMOUS_KEY.test(key)) problems.push(`anonymous identify with "${key}"`);
      }
    }
    const source = spy.find((r) => r.marker === attributes.utm_content);
    if (attributes.utm_content !== undefined && source && source.stamped !== id)
      problems.push(`attributes of ${String(source.marker)}, stamped ${source.stamped}, sent as ${id}`);
  }
  for (const r of spy) {
    if (r.stamped !== r.sdkUser) continue;
    const sent = identifies.some((h) => (h.args[2] as Record<string, unknown>).utm_content === r.marker);
    if (!sent)
      problems.push(`${String(r.marker)}, stamped ${r.stamped} while Segment's user was ${r.sdkUser}, never sent`);
  }
  return problems;
}

describe('identity sequences against the real Segment SDK', () => {
  let session: SegmentSession | undefined;
  afterEach(async () => {
    await session?.close();
    session = undefined;
  });

  it("every Hotjar identify is Segment's user at that moment, with no attributes of an identify made for someone else", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 14 }), async (steps) => {
        const hotjar: HotjarRecord[] = [];
        const spy: SpyRecord[] = [];
        const ref: { analytics?: Analytics } = {};
        const record = (...args: unknown[]) => hotjar.push({ args, sdkUser: userOf(ref.analytics?.user().id()) });
        const s = await startSegment({
          plugin: { identifyAnonymous: true },
          plugins: [spyDestination(spy, ref)],
          // Hotjar's queue stub, recording Segment's user at each call.
          preparePage: () => {
            (window as unknown as { hj: unknown }).hj = Object.assign(record, { q: [] });
          },
        });
        session = s;
        const [analytics] = await s.analytics;
        let n = 0;
        for (const next of steps) {
          if (next.kind === 'identify') {
            n += 1;
            // A personal trait and an allowlisted marker, both unique to this call.
            const traits = { utm_content: `m${n}`, name: `m${n}` };
            s.remember(next.as === null ? s.analytics.identify(traits) : s.analytics.identify(next.as, traits));
          } else if (next.kind === 'reset') analytics.reset();
          else if (next.kind === 'track') {
            s.remember(s.analytics.track('Step', {}, next.as === undefined ? {} : { userId: next.as }));
          } else if (next.until === 'settled') await s.settle();
          else await new Promise((resolve) => setTimeout(resolve, 0));
        }
        await s.settle();
        await s.close();
        session = undefined;
        expect(broken(hotjar, spy)).toEqual([]);
        expect(s.errors()).toEqual([]);
      }),
      { numRuns: 60 },
    );
  }, 60_000);
});
