import { Identify, type Types } from '@amplitude/analytics-browser';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { type AmplitudeSession, startAmplitude } from '../../../test/drivers/amplitude';

// Identity sequences against the real SDK: any mix of init, setUserId, reset, identify and
// track, with per-event user ids, awaited or not. The checker below is written from the rule
// ("Hotjar's user is the SDK's user, as the SDK holds it"), not from the plugin's code: it
// reads the SDK itself (getUserId() at each Hotjar call, each event as a spy destination and
// the upload received it) and never the plugin's state.

type Step =
  | { kind: 'setUserId'; id: string | undefined }
  | { kind: 'reset' }
  | { kind: 'identify'; as: string | undefined }
  | { kind: 'track'; as: string | undefined }
  | { kind: 'wait'; until: 'next-task' | 'settled' };

const USERS = ['u1', 'u2'];
// Someone events are recorded for, never the visitor: a customer the visitor acts on.
const OTHER = 'customer-42';
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('setUserId' as const), id: fc.constantFrom(...USERS, undefined) }),
  fc.record({ kind: fc.constant('reset' as const) }),
  fc.record({ kind: fc.constant('identify' as const), as: fc.constantFrom(undefined, ...USERS, OTHER) }),
  fc.record({ kind: fc.constant('track' as const), as: fc.constantFrom(undefined, OTHER, ...USERS) }),
  fc.record({ kind: fc.constant('wait' as const), until: fc.constantFrom('next-task' as const, 'settled' as const) }),
);

// What Hotjar takes without a user id, from Hotjar's own example and the documented default
// allowlist: A/B tests, referrers, campaign parameters.
const ANONYMOUS_KEY = /^(initial_)?(ab_test|referrer|referring_domain|utm_[a-z]+)$/;

interface HotjarRecord {
  args: unknown[];
  /** getUserId() when the plugin called Hotjar. */
  sdkUser: string | null;
}
interface SpyRecord {
  type: string;
  marker: string | undefined;
  /** The user id the SDK stamped the event with. */
  stamped: string | null;
  /** getUserId() when the SDK handed the event to its destinations. */
  sdkUser: string | null;
}

const userOf = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

/** A destination beside the plugin that sees each event, and the SDK's user, as the plugin does. */
function spyDestination(records: SpyRecord[], clientRef: { client?: Types.BrowserClient }) {
  return {
    name: 'identity-spy',
    type: 'destination' as const,
    async setup(_config: Types.BrowserConfig, client: Types.BrowserClient) {
      clientRef.client = client;
    },
    async execute(event: Types.Event) {
      const props = (event.user_properties as { $set?: Record<string, unknown> } | undefined)?.$set;
      records.push({
        type: event.event_type,
        marker: typeof props?.op_marker === 'string' ? props.op_marker : undefined,
        stamped: userOf(event.user_id),
        sdkUser: userOf(clientRef.client?.getUserId()),
      });
      return { event, code: 200, message: 'spy' };
    },
  };
}

/** Every rule broken by one run, in words; empty when the run kept them all. */
function broken(hotjar: HotjarRecord[], spy: SpyRecord[], finalUser: string | null): string[] {
  const problems: string[] = [];
  // Once all is handled, Hotjar has been told the SDK's user: the last id it was given is that user.
  const lastId = hotjar.filter((r) => r.args[0] === 'identify' && r.args[1] !== null).at(-1)?.args[1];
  if (finalUser !== null && lastId !== finalUser)
    problems.push(`the SDK ends with ${finalUser}, Hotjar with ${lastId}`);
  const identifies = hotjar.filter((r) => r.args[0] === 'identify');
  for (const { args, sdkUser } of identifies) {
    const [, id, attributes] = args as [string, string | null, Record<string, unknown>];
    if (id !== null && id !== sdkUser) problems.push(`identify as ${id} while the SDK's user was ${sdkUser}`);
    if (id === null) {
      for (const key of Object.keys(attributes)) {
        if (!ANONYMOUS_KEY.test(key)) problems.push(`anonymous identify with "${key}"`);
      }
    }
    const marker = attributes.utm_content;
    if (typeof marker !== 'string') continue;
    const source = spy.find((r) => r.marker === marker);
    if (!source) problems.push(`identify with attributes of ${marker}, which the SDK never handled`);
    else if (source.stamped !== id)
      problems.push(`attributes of ${marker}, stamped ${source.stamped}, sent as ${id} (SDK's user ${sdkUser})`);
  }
  // No event goes to Hotjar while Hotjar holds another user than the SDK's: the last id Hotjar
  // was given before an event is the user the SDK holds as the event is sent.
  let hotjarUser: unknown;
  for (const { args, sdkUser } of hotjar) {
    if (args[0] === 'identify' && args[1] !== null) hotjarUser = args[1];
    if (args[0] === 'event' && sdkUser !== null && hotjarUser !== sdkUser)
      problems.push(`event ${String(args[1])} sent while Hotjar had ${String(hotjarUser)}, the SDK ${sdkUser}`);
  }
  // And the other way: an identify made for the SDK's user, or for the anonymous device, is sent.
  for (const r of spy) {
    if (r.type !== '$identify' || r.marker === undefined) continue;
    if (r.stamped !== null && r.stamped !== r.sdkUser) continue;
    const sent = identifies.some((h) => (h.args[2] as Record<string, unknown>).utm_content === r.marker);
    if (!sent) problems.push(`${r.marker}, stamped ${r.stamped} while the SDK's user was ${r.sdkUser}, never sent`);
  }
  return problems;
}

describe('identity sequences against the real Amplitude SDK', () => {
  let session: AmplitudeSession | undefined;
  afterEach(async () => {
    await session?.close();
    session = undefined;
  });

  it("every Hotjar identify is the SDK's user at that moment, with no attributes of an event stamped for someone else", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(undefined, ...USERS),
        fc.array(step, { minLength: 1, maxLength: 14 }),
        async (initialUser, steps) => {
          const hotjar: HotjarRecord[] = [];
          const spy: SpyRecord[] = [];
          const ref: { client?: Types.BrowserClient } = {};
          const record = (...args: unknown[]) => hotjar.push({ args, sdkUser: userOf(ref.client?.getUserId()) });
          const s = await startAmplitude({
            init: initialUser === undefined ? {} : { userId: initialUser },
            plugins: [spyDestination(spy, ref)],
            // Hotjar's queue stub, recording the SDK's user at each call.
            preparePage: () => {
              (window as unknown as { hj: unknown }).hj = Object.assign(record, { q: [] });
            },
          });
          session = s;
          let n = 0;
          for (const next of steps) {
            if (next.kind === 'setUserId') s.client.setUserId(next.id);
            else if (next.kind === 'reset') s.client.reset();
            else if (next.kind === 'identify') {
              n += 1;
              const marker = `m${n}`;
              // A personal attribute and an allowlisted marker, both unique to this call.
              const identify = new Identify().set('op_marker', marker).set('utm_content', marker).set('name', marker);
              s.client.identify(identify, next.as === undefined ? undefined : { user_id: next.as });
            } else if (next.kind === 'track') {
              s.client.track('Step', {}, next.as === undefined ? undefined : { user_id: next.as });
            } else if (next.until === 'settled') await s.settle();
            else await new Promise((resolve) => setTimeout(resolve, 0));
          }
          await s.settle();
          const finalUser = userOf(s.client.getUserId());
          await s.close();
          session = undefined;
          expect(broken(hotjar, spy, finalUser)).toEqual([]);
          expect(s.errors()).toEqual([]);
        },
      ),
      {
        numRuns: 60,
        // A user switch, then an event made before the identify with the new user's attributes.
        examples: [
          [
            'u1',
            [
              { kind: 'setUserId', id: 'u2' },
              { kind: 'track', as: undefined },
              { kind: 'identify', as: undefined },
            ],
          ],
        ],
      },
    );
  }, 60_000);
});
