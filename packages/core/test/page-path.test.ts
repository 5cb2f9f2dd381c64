import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_PATH_LENGTH, toHotjarPath } from '../src/page-path';

describe('toHotjarPath', () => {
  it.each([
    ['/pricing', '/pricing'],
    ['/pricing?plan=pro', '/pricing'],
    ['/signup#email=jane', '/signup'],
    ['  /docs/intro?x=1#top ', '/docs/intro'],
    ['https://shop.example/cart?token=abc', '/cart'],
    ['HTTP://shop.example', '/'],
    ['//cdn.example/a/b?c', '/a/b'],
    ['relative/page?x', 'relative/page'],
  ])('sends %j as %j', (input, expected) => {
    expect(toHotjarPath(input)).toBe(expected);
  });

  it.each([[''], ['   '], ['?plan=pro'], ['#top'], ['mailto:jane@example.com'], ['http://'], [42], [null], [{}]])(
    'gives null for %j, which has no path',
    (input) => {
      expect(toHotjarPath(input)).toBe(null);
    },
  );

  // Generating web URLs is slow on a loaded machine: a hang guard, not a speed check.
  it('never throws, and never keeps a query string or fragment', { timeout: 30_000 }, () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.webUrl({ withQueryParameters: true, withFragments: true }), fc.anything()),
        (input) => {
          const path = toHotjarPath(input);
          if (path === null) return;
          expect(typeof path).toBe('string');
          expect(path).not.toMatch(/[?#]/);
          expect(path.length).toBeGreaterThan(0);
        },
      ),
    );
  });
});

describe('toHotjarPath: length', () => {
  it('gives no path for one longer than MAX_PATH_LENGTH, however long the URL', () => {
    expect(toHotjarPath(`/${'a'.repeat(MAX_PATH_LENGTH - 1)}`)).toHaveLength(MAX_PATH_LENGTH);
    expect(toHotjarPath(`/${'a'.repeat(MAX_PATH_LENGTH)}`)).toBeNull();
    expect(toHotjarPath(`https://shop.example/cart?${'x'.repeat(1_000_000)}`)).toBe('/cart');
  });
});
