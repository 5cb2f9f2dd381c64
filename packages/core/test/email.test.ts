import { describe, expect, it } from 'vitest';
import { containsEmail, EMAIL_SCAN_MARGIN, isEmail, withoutEmails } from '../src/email';

describe('isEmail', () => {
  it.each([
    'jane@example.com',
    'JANE@EXAMPLE.COM',
    'Jane.Doe+news@Example.Co.UK',
    'ivan@xn--e1afmkfd.xn--p1ai',
    'IVAN@XN--E1AFMKFD.XN--P1AI',
    'ivan@пример.рф',
    'a@b.AA',
    `jane@${'a'.repeat(70)}.com`,
    `jane@${'sub.'.repeat(30)}example.com`,
  ])('takes %s for an address', (text) => {
    expect(isEmail(text)).toBe(true);
  });

  it.each([
    '!@!.AA',
    'jane@example',
    'jane@example.c',
    'jane@example.c0m',
    'jane@@example.com',
    'jane@.com',
    'jane@example..com',
    'jane doe@example.com',
    'jane@xn--.com.',
    'ｊａｎｅ＠ｅｘａｍｐｌｅ．ｃｏｍ',
    'jane%40example.com',
  ])('does not take %s for one address as written', (text) => {
    expect(isEmail(text)).toBe(false);
  });
});

describe('containsEmail', () => {
  it.each([
    ['upper case', 'Contact: JANE@EXAMPLE.COM'],
    ['a +tag', 'jane+shop@example.com'],
    ['an internationalised domain in ASCII', 'ivan@xn--e1afmkfd.xn--p1ai'],
    ['a domain longer than 63 characters', `x jane@${'a'.repeat(70)}.com y`],
    ['a domain of many labels', `x jane@${'label.'.repeat(40)}com y`],
    ['percent-encoded once', '/r?to=jane%40example.com'],
    ['percent-encoded twice', '/invite/jane%2540example.com/accept'],
    ['percent-encoded three times', 'jane%252540example.com'],
    [
      'a URL inside a URL',
      'https://mail.example.net/r?to=https%3A%2F%2Fshop.example%2Fw%3Finvitee%3Djane%2540example.com',
    ],
    ['full-width', 'ｊａｎｅ＠ｅｘａｍｐｌｅ．ｃｏｍ'],
    ['full-width, percent-encoded', 'jane％４０example.com'],
    ['small commercial at', 'jane﹫example.com'],
    ['ideographic full stops', 'jane@example。com'],
    ['halfwidth ideographic full stops', 'jane@example｡com'],
    ['a zero-width space inside', 'jane@exam\u200Bple.com'],
    ['a soft hyphen inside', 'jane\u00AD@example.com'],
    ['escapes around bytes that are not UTF-8', '/users/jane%40%E2example.com'],
    ['full-width encoded', encodeURIComponent('ｊａｎｅ＠ｅｘａｍｐｌｅ．ｃｏｍ')],
  ])('finds an address %s', (_form, text) => {
    expect(containsEmail(text)).toBe(true);
  });

  it.each([
    'no address @ here',
    '!@!.AA',
    'left-pad@1.3.0,',
    '@example.com',
    'a@b',
    'user_1',
    '100% organic',
    '%E0%A4%A',
  ])('finds none in %s', (text) => {
    expect(containsEmail(text)).toBe(false);
  });

  it('reads only what can be sent, plus one address at its longest, when given the length sent', () => {
    const filler = 'x '.repeat(100);
    // Cut in half at 200: still an address.
    expect(containsEmail(`${filler.slice(0, 195)}jane@example.com`, 200)).toBe(true);
    // Starting just past the cut: counts too, within the margin.
    expect(containsEmail(`${filler} jane@example.com`, 200)).toBe(true);
    // Far past what can be sent: not read.
    expect(containsEmail(`${filler}${'y'.repeat(EMAIL_SCAN_MARGIN)} jane@example.com`, 200)).toBe(false);
    expect(containsEmail(`${filler}${'y'.repeat(EMAIL_SCAN_MARGIN)} jane@example.com`)).toBe(true);
  });

  it('takes text still changing after eight rounds of decoding for an address (fails closed)', () => {
    let text = 'jane@example.com';
    for (let i = 0; i < 8; i++) text = encodeURIComponent(text);
    expect(containsEmail(text)).toBe(true);
    for (let i = 0; i < 4; i++) {
      text = encodeURIComponent(text);
      expect(containsEmail(text)).toBe(true);
      expect(containsEmail(`/invite/${text}/accept`)).toBe(true);
      expect(withoutEmails(`path /invite/${text}/accept skipped`)).toBe('path <email> skipped');
    }
    // Nine rounds of escapes that never hold an address: still unreadable, still refused.
    expect(containsEmail('100%2525252525252525252525')).toBe(true);
    // Text that stops changing within the rounds is read to its end.
    expect(containsEmail('100%25 organic %2525 off')).toBe(false);
  });
});

describe('withoutEmails', () => {
  it('replaces each address, in every form, and leaves the rest', () => {
    expect(withoutEmails('event: "[Amplitude] jane@example.com" skipped')).toBe('event: "[Amplitude] <email>" skipped');
    expect(withoutEmails('initial_jane@example.com')).toBe('<email>');
    expect(withoutEmails('path /invite/jane%2540example.com/accept skipped')).toBe('path <email> skipped');
    expect(withoutEmails('ｊａｎｅ＠ｅｘａｍｐｌｅ．ｃｏｍ and more')).toBe('<email> and more');
    expect(withoutEmails('plan "pro" dropped')).toBe('plan "pro" dropped');
  });

  it('leaves no address in anything it returns', () => {
    for (const text of [
      'a%40b.co%40c.de',
      'x"jane%40example.com"y',
      'jane@example.com'.repeat(3),
      'ｊ＠ｅ．ｃｏ\u200B',
    ]) {
      expect(containsEmail(withoutEmails(text))).toBe(false);
    }
  });
});

describe('containsEmail: local parts of any shape', () => {
  it.each(['"jane doe"@example.com', '(work)jane@example.com', 'x <jane@example.com>', 'mailto:jane@example.com'])(
    'finds the address in %s',
    (text) => {
      expect(containsEmail(text)).toBe(true);
      expect(containsEmail(withoutEmails(text))).toBe(false);
    },
  );
});
