// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createHotjarBridge } from '../src/bridge';
import type { HotjarDiagnostic } from '../src/diagnostics';

describe('createHotjarBridge on a server (no window)', () => {
  it('loads nothing, forwards nothing and throws nothing', () => {
    const diagnostics: HotjarDiagnostic[] = [];
    const bridge = createHotjarBridge({ siteId: 1, onDiagnostic: (d) => diagnostics.push(d) });
    expect(typeof window).toBe('undefined');
    expect(bridge.load()).toBe(false);
    expect(bridge.track('Signed up')).toMatchObject({ forwarded: false, reason: 'no-window' });
    expect(bridge.identify('u1', { a: 1 })).toMatchObject({ forwarded: false, reason: 'no-window' });
    expect(bridge.page()).toMatchObject({ forwarded: false, reason: 'no-window' });
    expect(diagnostics.map((d) => d.reason)).toEqual(['no-window', 'no-window', 'no-window', 'no-window']);
  });
});
