import { describe, expect, it } from 'vitest';
import type { VendorDriver, VendorSession } from './driver';
import { lastIdentify, sessionPerTest } from './per-test';

// Written from the rule, not from the core: an address as a person would read it once the text
// is decoded (however often) and in its compatibility form. A narrower reading than the core's.
function readsAsAddress(text: string): boolean {
  let form = text;
  for (let i = 0; i < 8; i++) {
    if (/[\w.+-]+@[\w-]+(\.[\w-]+)*\.[a-z]{2,}/i.test(form.normalize('NFKC'))) return true;
    let next = form.normalize('NFKC');
    try {
      next = decodeURIComponent(next);
    } catch {
      return false;
    }
    if (next === form) return false;
    form = next;
  }
  return false;
}

const TWICE_ENCODED_REFERRER =
  'https://mail.example.net/r?to=https%3A%2F%2Fshop.example%2Fw%3Finvitee%3Djane%2540example.com';
const CRM_REFERRER =
  'https://agent:secret@crm.partner.example/customers/view?name=Jane%20Doe&phone=%2B1-555-0100&session_token=t0k#notes';
const FULL_WIDTH = 'ｊａｎｅ＠ｅｘａｍｐｌｅ．ｃｏｍ';

/**
 * Addresses in every written form and URLs of anonymous visitors, run once per vendor with that
 * vendor's real SDK: what reaches Hotjar, and what the diagnostics say.
 */
export function addressBehaviourSuite(driver: VendorDriver): void {
  describe(`${driver.name}: addresses in every form, URLs of anonymous visitors`, () => {
    const start = sessionPerTest(driver);
    const noAddressReported = (s: VendorSession) => {
      for (const d of s.diagnostics()) {
        expect(readsAsAddress(d.message), d.message).toBe(false);
        expect(readsAsAddress(d.subject ?? ''), d.subject).toBe(false);
      }
    };

    it('anonymous visitor: a referrer keeps origin and path only, even with an address encoded twice in it', async () => {
      const s = await start({ identifyAnonymous: true });
      await s.identify(undefined, {
        referrer: CRM_REFERRER,
        initial_referrer: TWICE_ENCODED_REFERRER,
        utm_source: 'newsletter',
      });
      await s.settle();
      expect(lastIdentify(s)).toEqual([
        'identify',
        null,
        {
          referrer: 'https://crm.partner.example/customers/view',
          initial_referrer: 'https://mail.example.net/r',
          utm_source: 'newsletter',
        },
      ]);
      const reduced = s.diagnostics().filter((d) => d.kind === 'truncated' && d.reason === 'url-reduced');
      expect(reduced.map((d) => d.subject).sort()).toEqual(['initial_referrer', 'referrer']);
      expect(JSON.stringify(s.hotjarCalls())).not.toMatch(/Jane|secret|t0k|notes|jane/);
      noAddressReported(s);
      expect(s.errors()).toEqual([]);
    });

    it('a known user: the referrer is sent whole, unless an address is in it in any encoding', async () => {
      const s = await start();
      await s.identify('user_1', {
        referrer: 'https://shop.example/cart?step=2',
        initial_referrer: TWICE_ENCODED_REFERRER,
      });
      await s.settle();
      expect(lastIdentify(s)).toEqual(['identify', 'user_1', { referrer: 'https://shop.example/cart?step=2' }]);
      const dropped = s.diagnostics().filter((d) => d.kind === 'dropped');
      expect(dropped.map((d) => [d.subject, d.reason])).toEqual([['initial_referrer', 'email-in-wrong-key']]);
    });

    it('a full-width address, as an IME types it, is an address: in utm_term of a visitor and a trait of a user', async () => {
      const s = await start({ identifyAnonymous: true });
      await s.identify(undefined, { utm_term: FULL_WIDTH, utm_source: 'ads' });
      await s.settle();
      expect(lastIdentify(s)).toEqual(['identify', null, { utm_source: 'ads' }]);
      await s.identify('user_1', {
        note: `write to ${FULL_WIDTH}`,
        plan: 'pro',
        'ｊａｎｅ＠ｅｘａｍｐｌｅ．ｃｏｍ': true,
      });
      await s.settle();
      // Segment keeps the visitor's earlier traits (utm_source) for the user; Amplitude does not.
      const { utm_source: _, ...attributes } = (lastIdentify(s)?.[2] ?? {}) as Record<string, unknown>;
      expect(attributes).toEqual({ plan: 'pro' });
      expect(JSON.stringify(s.hotjarCalls())).not.toContain('ｊａｎｅ');
      noAddressReported(s);
    });

    it('an address with an internationalised domain in ASCII form is kept as email', async () => {
      const s = await start();
      await s.identify('user_1', { email: 'ivan@xn--e1afmkfd.xn--p1ai', backup: 'IVAN@XN--E1AFMKFD.XN--P1AI' });
      await s.settle();
      expect(lastIdentify(s)).toEqual(['identify', 'user_1', { email: 'ivan@xn--e1afmkfd.xn--p1ai' }]);
      expect(
        s
          .diagnostics()
          .filter((d) => d.kind === 'dropped')
          .map((d) => [d.subject, d.reason]),
      ).toEqual([['backup', 'email-in-wrong-key']]);
    });

    it('an event name holding an address in any form is not sent, and no report names the address', async () => {
      const s = await start();
      await s.track('[Amplitude] jane@example.com');
      await s.track(`[Amplitude] ${FULL_WIDTH}`);
      await s.track('Invite jane%2540example.com');
      await s.track('Signed up');
      await s.settle();
      expect(s.hotjarCalls().filter((call) => call[0] === 'event')).toEqual([['event', 'Signed up']]);
      expect(s.diagnostics().filter((d) => d.kind === 'skipped' && d.call === 'event')).toHaveLength(3);
      noAddressReported(s);
      expect(s.delivered()).toEqual(expect.arrayContaining(['[Amplitude] jane@example.com', 'Signed up']));
    });

    it('a page path with an address encoded twice is not sent as stateChange', async () => {
      const s = await start({ pageChanges: true });
      if (!s.pageView) throw new Error(`${driver.name} driver has no pageView`);
      await s.pageView('/invite/jane%2540example.com/accept');
      await s.pageView('/invite/accepted');
      await s.settle();
      expect(s.hotjarCalls().filter((call) => call[0] === 'stateChange')).toEqual([
        ['stateChange', '/invite/accepted'],
      ]);
      expect(s.diagnostics().some((d) => d.call === 'stateChange' && d.reason === 'contains-email')).toBe(true);
      noAddressReported(s);
    });

    it('no written form of an address gets through, in values, keys, names or paths', async () => {
      const a = 'Jane.Doe+news@Example.COM';
      const forms = [
        a,
        encodeURIComponent(encodeURIComponent(encodeURIComponent(a))),
        Array.from(new TextEncoder().encode(a), (byte) => `%${byte.toString(16)}`).join(''),
        a.replace('@', '﹫'),
        a.replace('@', '\u200b@').replace('.COM', '。COM'),
        encodeURIComponent(FULL_WIDTH),
        'ivan@xn--e1afmkfd.xn--p1ai',
        `x@${'long-label.'.repeat(8)}com`,
      ];
      const s = await start({ pageChanges: true });
      for (const [i, form] of forms.entries()) {
        await s.identify('user_1', { [`note_${i}`]: `see ${form}`, [`k ${form}`]: true, plan: 'pro' });
        await s.track(`Invite ${form}`);
        await s.pageView?.(`/invite/${form}/accept`);
      }
      await s.track('Done');
      await s.settle();
      const sent = s.hotjarCalls();
      expect(sent.filter((call) => call[0] === 'event')).toEqual([['event', 'Done']]);
      expect(sent.filter((call) => call[0] === 'stateChange')).toEqual([]);
      for (const call of sent) {
        for (const part of call.slice(1)) {
          const text = typeof part === 'object' && part !== null ? Object.entries(part).flat().join(' ') : String(part);
          expect(readsAsAddress(text), text).toBe(false);
        }
      }
      noAddressReported(s);
    });

    it('a 1 MB trait is cut to what Hotjar takes, and an "@" in it is no address', async () => {
      const s = await start();
      const huge = 'left-pad@1.3.0,'.repeat(70_000);
      await s.identify('user_1', { dependencies: huge, plan: 'pro' });
      await s.settle();
      expect(lastIdentify(s)).toEqual(['identify', 'user_1', { dependencies: huge.slice(0, 200), plan: 'pro' }]);
      const truncated = s.diagnostics().filter((d) => d.kind === 'truncated');
      expect(truncated.map((d) => [d.subject, d.reason])).toEqual([['dependencies', 'too-long']]);
      expect(s.errors()).toEqual([]);
    });
  });

  describe(`${driver.name}: every allowlisted value of an anonymous visitor, URL-like or not`, () => {
    const start = sessionPerTest(driver);

    it('loses query string, fragment and credentials in every written form; plain campaign values pass as given', async () => {
      const s = await start({ identifyAnonymous: true });
      await s.identify(undefined, {
        referrer: 'пример.рф/customers/view?name=Jane+Doe&phone=5550100',
        initial_referrer: 'https:\\\\crm.example\\customers\\view?name=Jane+Doe',
        referring_domain: 'jane:pw@192.0.2.10',
        initial_referring_domain: 'localhost:3000/customers/view?name=Jane+Doe',
        utm_content: 'crm.example.xn--p1ai/customers/view?name=Jane+Doe',
        initial_utm_content: 'https%3A%2F%2Fcrm.example%2Fcustomers%2Fview%3Fname%3DJane%2BDoe',
        utm_term: 'crm.example.com./customers/view?name=Jane+Doe',
        initial_utm_term: 'https:crm.example/customers/view?name=Jane+Doe#notes',
        utm_id: 'jane:pw@192.0.2.10/customers/view',
        initial_utm_id: '192.0.2.10/customers/view?name=Jane+Doe',
        utm_medium: 'https://crm.example/customers/@jane',
        utm_campaign: 'spring%20sale',
        ab_test: 'variant-A',
      });
      await s.settle();
      expect(lastIdentify(s)).toEqual([
        'identify',
        null,
        {
          referrer: 'пример.рф/customers/view',
          initial_referrer: 'https://crm.example/customers/view',
          referring_domain: '192.0.2.10',
          initial_referring_domain: 'localhost:3000/customers/view',
          utm_content: 'crm.example.xn--p1ai/customers/view',
          initial_utm_content: 'https://crm.example/customers/view',
          utm_term: 'crm.example.com./customers/view',
          initial_utm_term: 'https:crm.example/customers/view',
          utm_id: '192.0.2.10/customers/view',
          initial_utm_id: '192.0.2.10/customers/view',
          utm_campaign: 'spring%20sale',
          ab_test: 'variant-A',
        },
      ]);
      expect(JSON.stringify(s.hotjarCalls())).not.toMatch(/Jane|jane|pw|notes/);
      const reduced = s.diagnostics().filter((d) => d.kind === 'truncated' && d.reason === 'url-reduced');
      expect(reduced).toHaveLength(10);
      expect(
        s
          .diagnostics()
          .filter((d) => d.reason === 'invalid-url')
          .map((d) => d.subject),
      ).toEqual(['utm_medium']);
      expect(s.errors()).toEqual([]);
    });
  });

  describe(`${driver.name}: an address with characters that show as nothing in it`, () => {
    const start = sessionPerTest(driver);
    // Drawn as nothing by a browser: a combining grapheme joiner, a variation selector, Khmer and
    // Mongolian marks, unassigned code points reserved to stay invisible, a zero-width space, a tag.
    const INVISIBLE = ['\u034F', '\uFE0F', '\u17B4', '\u180B', '\u2065', '\uFFF0', '\u200B', '\u{E0041}'];
    // What a reader sees: the same characters, removed by this list of their own.
    const HIDDEN: Array<[number, number]> = [
      [0x034f, 0x034f],
      [0x17b4, 0x17b5],
      [0x180b, 0x180f],
      [0x200b, 0x200b],
      [0x2060, 0x206f],
      [0xfe00, 0xfe0f],
      [0xfff0, 0xfff8],
      [0xe0000, 0xe007f],
    ];
    const seen = (text: string) =>
      Array.from(text)
        .filter((c) => !HIDDEN.some(([from, to]) => (c.codePointAt(0) ?? 0) >= from && (c.codePointAt(0) ?? 0) <= to))
        .join('');

    it("is still an address: in values, keys, event names, page paths, a visitor's referrer and reports", async () => {
      const s = await start({ pageChanges: true, identifyAnonymous: true });
      const forms = INVISIBLE.map((c) => `jane.doe@example.${c}com`);
      await s.identify(undefined, { referrer: `https://partner.example/u/${forms[0]}?a=1`, utm_source: 'ads' });
      for (const [i, form] of forms.entries()) {
        await s.identify('user_1', { [`note_${i}`]: `contact ${form}`, [form]: true, plan: 'pro' });
        await s.track(`Invited ${form}`);
        await s.pageView?.(`/users/${form}/edit`);
      }
      await s.track('Done');
      await s.settle();
      const sent = s.hotjarCalls();
      expect(sent.filter((call) => call[0] === 'event')).toEqual([['event', 'Done']]);
      expect(sent.filter((call) => call[0] === 'stateChange')).toEqual([]);
      for (const call of sent) expect(readsAsAddress(seen(JSON.stringify(call))), JSON.stringify(call)).toBe(false);
      for (const d of s.diagnostics()) expect(readsAsAddress(seen(JSON.stringify(d))), d.message).toBe(false);
      expect(s.errors()).toEqual([]);
    });
  });
}
