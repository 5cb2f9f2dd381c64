import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoString } from '../src/iso-date';

describe('isoString', () => {
  it('agrees with Date.prototype.toISOString for every valid time', () => {
    fc.assert(
      fc.property(fc.integer({ min: -8.64e15, max: 8.64e15 }), (time) => {
        expect(isoString(time)).toBe(new Date(time).toISOString());
      }),
      { numRuns: 5000 },
    );
  });

  it.each([0, -1, 951_782_400_000, 253_402_300_799_999, 253_402_300_800_000, -62_167_219_200_001])(
    'agrees at %d',
    (time) => {
      expect(isoString(time)).toBe(new Date(time).toISOString());
    },
  );
});
