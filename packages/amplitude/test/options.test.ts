import { hotjarPlugin } from '@hotjar-bridge/amplitude';
import { describe, expect, it } from 'vitest';
import { recordingRuntime } from '../../../test/shared/recording-runtime';

describe('hotjarPlugin options', () => {
  it.each([
    ['pageChanges', 'yes', '[hotjar-bridge] pageChanges must be true or false, got "yes"'],
    ['forwardAmplitudeEvents', 1, '[hotjar-bridge] forwardAmplitudeEvents must be true or false, got 1'],
  ])('throws at the factory call for a bad %s', (option, value, message) => {
    expect(() => hotjarPlugin({ siteId: 1, [option]: value })).toThrow(message);
  });

  it("throws at the factory call for a bad core option, in the core's words", () => {
    expect(() => hotjarPlugin({ siteId: 'abc' })).toThrow(/^\[hotjar-bridge\] siteId must be .*got "abc"$/);
    expect(() => hotjarPlugin(undefined as never)).toThrow(/^\[hotjar-bridge\] options must be/);
  });

  it('returns a destination plugin and touches nothing before setup', () => {
    const runtime = recordingRuntime();
    const plugin = hotjarPlugin({ siteId: '1234567', runtime, pageChanges: true, forwardAmplitudeEvents: false });
    expect(plugin).toMatchObject({ name: 'hotjar-bridge', type: 'destination' });
    expect(typeof plugin.execute).toBe('function');
    expect(runtime.injections).toEqual([]);
    expect(runtime.stubInstalled).toBe(false);
  });
});
