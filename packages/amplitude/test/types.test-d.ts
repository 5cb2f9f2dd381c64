import * as amplitude from '@amplitude/analytics-browser';
import type * as AnalyticsTypes from '@amplitude/analytics-types';
import { describe, expectTypeOf, it } from 'vitest';
import { type HotjarPlugin, hotjarPlugin } from '../src/index';

describe('hotjarPlugin against the SDK 2.x types', () => {
  it('is what amplitude.add() takes, with no cast', () => {
    amplitude.add(hotjarPlugin({ siteId: 1234567, hotjarVersion: 6 }));
    amplitude.createInstance().add(hotjarPlugin({ siteId: '1234567', pageChanges: true }));
    expectTypeOf<HotjarPlugin>().toExtend<Parameters<typeof amplitude.add>[0]>();
  });

  it('is also a destination plugin by @amplitude/analytics-types', () => {
    expectTypeOf<HotjarPlugin>().toExtend<AnalyticsTypes.DestinationPlugin>();
  });

  it('is checked, not merely accepted', () => {
    // @ts-expect-error siteId is required
    hotjarPlugin({});
    // @ts-expect-error pageChanges is true or false
    hotjarPlugin({ siteId: 1, pageChanges: 'yes' });
    // @ts-expect-error Amplitude has no plugin type 'sink'
    amplitude.add({ ...hotjarPlugin({ siteId: 1 }), type: 'sink' });
  });
});
