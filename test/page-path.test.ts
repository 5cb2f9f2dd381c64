import type { HotjarCall } from '@hotjar-bridge/core';
import { afterEach, describe, expect, it } from 'vitest';
import { startAmplitude } from './drivers/amplitude';
import { startSegment } from './drivers/segment';

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

/** The Hotjar calls the real Amplitude SDK's page-view tracking produces for a move to `url`. */
async function amplitudePage(url: string): Promise<HotjarCall[]> {
  window.history.replaceState(null, '', '/start');
  const s = await startAmplitude({
    plugin: { pageChanges: true },
    init: { autocapture: { pageViews: { trackHistoryChanges: 'all' }, attribution: false, sessions: false } },
  });
  closers.push(() => s.close());
  await s.until(() => s.hotjarCalls().length === 1);
  window.history.pushState(null, '', url);
  await s.until(() => s.hotjarCalls().length === 2);
  await s.settle();
  return s.hotjarCalls().slice(1);
}

/** The Hotjar calls the real Segment SDK's `page()` produces on `url`. */
async function segmentPage(url: string): Promise<HotjarCall[]> {
  const s = await startSegment({ plugin: { pageChanges: true } });
  closers.push(() => s.close());
  window.history.pushState(null, '', url);
  await s.page();
  await s.settle();
  return s.hotjarCalls();
}

describe('the same page, the same stateChange from both SDKs', () => {
  it.each([
    ['/pricing?plan=pro', '/pricing'],
    ['/reset-password?token=abc#step-2', '/reset-password'],
    ['/docs/intro', '/docs/intro'],
  ])('sends %s as %s through Amplitude and through Segment', async (url, path) => {
    const amplitude = await amplitudePage(url);
    const segment = await segmentPage(url);
    expect(amplitude).toEqual([['stateChange', path]]);
    expect(segment).toEqual(amplitude);
  });
});
