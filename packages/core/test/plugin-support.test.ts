import { describe, expect, it } from 'vitest';
import { flag, skipMessage } from '../src/plugin-support';

describe('flag', () => {
  it('reads true and false, and the fallback when absent', () => {
    expect(flag({ on: true }, 'on')).toBe(true);
    expect(flag({ on: false }, 'on', true)).toBe(false);
    expect(flag({} as { on?: boolean }, 'on')).toBe(false);
    expect(flag({} as { on?: boolean }, 'on', true)).toBe(true);
  });

  it('throws for anything else, naming the option and the value', () => {
    expect(() => flag({ on: 'yes' }, 'on')).toThrow('[hotjar-bridge] on must be true or false, got "yes"');
    expect(() => flag({ on: null }, 'on', true)).toThrow('[hotjar-bridge] on must be true or false, got null');
  });
});

describe('skipMessage', () => {
  it("words a plugin's skip as the core words its own, with the reason explained", () => {
    expect(skipMessage('event', 'excluded', "Amplitude's own event", 'session_start')).toBe(
      'event: "session_start" skipped (excluded: Amplitude\'s own event)',
    );
    expect(skipMessage('identify', 'nothing-to-send', 'no userId')).toBe(
      'identify: skipped (nothing-to-send: no userId)',
    );
  });

  it("gives no sentence without the plugin's words, so the core writes the short form", () => {
    expect(skipMessage('event', 'excluded', undefined, 'session_start')).toBeUndefined();
  });
});
