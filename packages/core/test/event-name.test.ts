import { describe, expect, it } from 'vitest';
import { mapEventName, toHotjarEventName } from '../src/event-name';

describe('toHotjarEventName', () => {
  it('keeps a name Hotjar accepts as it is', () => {
    expect(toHotjarEventName('Checkout completed: step 2/3 | v1.2 - ok_now')).toBe(
      'Checkout completed: step 2/3 | v1.2 - ok_now',
    );
  });

  it('turns each run of other characters into one "_"', () => {
    expect(toHotjarEventName('Order #123 (paid)')).toBe('Order _123 _paid');
    expect(toHotjarEventName('a!!!b???c')).toBe('a_b_c');
    expect(toHotjarEventName('tab\there\nnewline')).toBe('tab_here_newline');
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

  it('trims whitespace and underscores at both ends', () => {
    expect(toHotjarEventName('  __Signed up!__  ')).toBe('Signed up');
    expect(toHotjarEventName('[Amplitude] Page Viewed')).toBe('Amplitude_ Page Viewed');
  });

  it('cuts to maxLength, without a trailing space or half a surrogate pair', () => {
    expect(toHotjarEventName('x'.repeat(300))).toBe('x'.repeat(250));
    expect(toHotjarEventName('abcd efgh', { maxLength: 5 })).toBe('abcd');
    expect(toHotjarEventName('ab𝒜', { maxLength: 3 })).toBe('ab');
  });

  it.each([undefined, null, 42, {}, ['a'], '', '   ', '!!!', '___'])('gives null for %j', (name) => {
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
  });

  it('turns lone surrogates into "_" so the result is well-formed', () => {
    expect(toHotjarEventName('a\ud800b')).toBe('a_b');
  });

  it('stays linear on a huge name full of "@"', () => {
    const name = 'a@'.repeat(200_000);
    expect(toHotjarEventName(name)).toBe(`a_${'a_'.repeat(124)}a`.slice(0, 249));
  });
});
