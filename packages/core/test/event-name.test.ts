import { describe, expect, it } from 'vitest';
import { mapEventName, toHotjarEventName } from '../src/event-name';

describe('toHotjarEventName', () => {
  it('keeps a name Hotjar accepts as it is', () => {
    expect(toHotjarEventName('Checkout completed: step 2/3 | v1.2 - ok_now')).toBe(
      'Checkout completed: step 2/3 | v1.2 - ok_now',
    );
  });

  it('removes a run of other characters next to a space or at either end', () => {
    expect(toHotjarEventName('Order #123 (paid) @ 50% off!')).toBe('Order 123 paid 50 off');
    expect(toHotjarEventName('Order #123 (paid)')).toBe('Order 123 paid');
    expect(toHotjarEventName('«Signed up»')).toBe('Signed up');
    expect(toHotjarEventName('🎉 Party 🎉')).toBe('Party');
  });

  it('turns a run of other characters between two kept characters into one "_"', () => {
    expect(toHotjarEventName('a!!!b???c')).toBe('a_b_c');
    expect(toHotjarEventName('user#42')).toBe('user_42');
    expect(toHotjarEventName('a_#_b')).toBe('a___b');
  });

  it('reads any whitespace as a space and collapses spaces', () => {
    expect(toHotjarEventName('tab\there\nnewline')).toBe('tab here newline');
    expect(toHotjarEventName('a   b\u00a0\u00a0c')).toBe('a b c');
    expect(toHotjarEventName('a ! ! b')).toBe('a b');
  });

  it('keeps letters, marks and digits of any script', () => {
    expect(toHotjarEventName('Añadir al carrito')).toBe('Añadir al carrito');
    expect(toHotjarEventName('注文完了')).toBe('注文完了');
    expect(toHotjarEventName('हिन्दी ٣')).toBe('हिन्दी ٣');
  });

  it('normalises to NFC', () => {
    const decomposed = 'Cafe\u0301';
    expect(toHotjarEventName(decomposed)).toBe('Caf\u00e9');
  });

  it("trims spaces at both ends and keeps the name's own underscores", () => {
    expect(toHotjarEventName('  Signed up!  ')).toBe('Signed up');
    expect(toHotjarEventName('__private__')).toBe('__private__');
    expect(toHotjarEventName('__private__', { mode: 'strict' })).toBe('__private__');
    expect(toHotjarEventName('[Amplitude] Page Viewed')).toBe('Amplitude Page Viewed');
  });

  it('cuts to maxLength, without a trailing space or half a surrogate pair', () => {
    expect(toHotjarEventName('x'.repeat(300))).toBe('x'.repeat(250));
    expect(toHotjarEventName('abcd efgh', { maxLength: 5 })).toBe('abcd');
    expect(toHotjarEventName('ab𝒜', { maxLength: 3 })).toBe('ab');
    expect(toHotjarEventName('abcd#efgh', { maxLength: 5 })).toBe('abcd');
    expect(toHotjarEventName('abcd#efgh', { maxLength: 6 })).toBe('abcd_e');
  });

  it.each([undefined, null, 42, {}, ['a'], '', '   ', '!!!', ' ! ? '])('gives null for %j', (name) => {
    expect(toHotjarEventName(name)).toBeNull();
  });

  it('gives null for a name containing an email address', () => {
    expect(toHotjarEventName('Invited peter@example.com')).toBeNull();
    expect(mapEventName('peter@example.com')).toEqual({ name: null, problem: 'contains-email' });
    expect(mapEventName('Invited peter%40example.com')).toEqual({ name: null, problem: 'contains-email' });
  });

  it('gives null in strict mode for any name that would need a change', () => {
    expect(toHotjarEventName('Order #123', { mode: 'strict' })).toBeNull();
    expect(toHotjarEventName(' Signed up', { mode: 'strict' })).toBeNull();
    expect(toHotjarEventName('Signed up', { mode: 'strict' })).toBe('Signed up');
    expect(mapEventName('a#b', { mode: 'strict' })).toEqual({ name: null, problem: 'needs-change' });
  });

  it('says whether the name changed', () => {
    expect(mapEventName('Signed up')).toEqual({ name: 'Signed up', changed: false });
    expect(mapEventName('Signed up!')).toEqual({ name: 'Signed up', changed: true });
    expect(mapEventName('Signed  up')).toEqual({ name: 'Signed up', changed: true });
  });

  it('turns lone surrogates into "_" so the result is well-formed', () => {
    expect(toHotjarEventName('a\ud800b')).toBe('a_b');
  });

  it('stays linear on a huge name full of "@"', () => {
    const name = 'a@'.repeat(200_000);
    expect(toHotjarEventName(name)).toBe(`a_${'a_'.repeat(124)}a`.slice(0, 249));
  });
});
