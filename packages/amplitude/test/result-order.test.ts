import { describe, expect, it } from 'vitest';
import { placeAfterSdkDestination, timelineOf } from '../src/result-order';

const sdk = { name: 'amplitude', type: 'destination' };
const context = { name: 'context', type: 'before' };

describe('placeAfterSdkDestination', () => {
  it("moves the plugin right behind the SDK's own destination, keeping everything else in order", () => {
    const plugin = { name: 'hotjar-bridge', type: 'destination' };
    const other = { name: 'other', type: 'destination' };
    const timeline = { plugins: [plugin, other, sdk, context] };
    expect(placeAfterSdkDestination(timeline, plugin)).toBe('moved');
    expect(timeline.plugins).toEqual([other, sdk, plugin, context]);
    expect(placeAfterSdkDestination(timeline, plugin)).toBe('after');
    expect(timeline.plugins).toEqual([other, sdk, plugin, context]);
  });

  it('says when there is no SDK destination, or no timeline, and changes nothing', () => {
    const plugin = { name: 'hotjar-bridge', type: 'destination' };
    const timeline = { plugins: [plugin, context] };
    expect(placeAfterSdkDestination(timeline, plugin)).toBe('no-sdk-destination');
    expect(timeline.plugins).toEqual([plugin, context]);
    expect(placeAfterSdkDestination(undefined, plugin)).toBe('no-timeline');
  });

  it('takes a plugin named amplitude that is not a destination for what it is', () => {
    const plugin = { name: 'hotjar-bridge', type: 'destination' };
    const timeline = { plugins: [plugin, { name: 'amplitude', type: 'enrichment' }] };
    expect(placeAfterSdkDestination(timeline, plugin)).toBe('no-sdk-destination');
  });
});

describe('timelineOf', () => {
  it('reads a client whose timeline holds a plugin list, and nothing else', () => {
    const timeline = { plugins: [] };
    expect(timelineOf({ timeline })).toBe(timeline);
    expect(timelineOf({})).toBeUndefined();
    expect(timelineOf({ timeline: { plugins: 'x' } })).toBeUndefined();
    expect(timelineOf(undefined)).toBeUndefined();
    expect(timelineOf(null)).toBeUndefined();
  });
});
