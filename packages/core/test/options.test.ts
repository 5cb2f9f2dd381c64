import { describe, expect, it } from 'vitest';
import { createHotjarBridge } from '../src/bridge';
import type { HotjarBridgeOptions } from '../src/options';

const make = (options: unknown) => () => createHotjarBridge(options as HotjarBridgeOptions);

describe('createHotjarBridge: configuration errors', () => {
  it.each([
    [{}, 'siteId must be your Hotjar site id: a positive integer or a string of digits, got undefined'],
    [{ siteId: 'abc' }, 'siteId must be your Hotjar site id: a positive integer or a string of digits, got "abc"'],
    [
      { siteId: '123;alert(1)' },
      'siteId must be your Hotjar site id: a positive integer or a string of digits, got "123;alert(1)"',
    ],
    [{ siteId: 0 }, 'siteId must be your Hotjar site id: a positive integer or a string of digits, got 0'],
    [{ siteId: 1.5 }, 'siteId must be your Hotjar site id: a positive integer or a string of digits, got 1.5'],
    [
      { siteId: 2 ** 60 },
      'siteId must be your Hotjar site id: a positive integer or a string of digits, got 1152921504606847000',
    ],
    [{ siteId: 1, hotjarVersion: 'six' }, 'hotjarVersion must be a positive integer, got "six"'],
    [{ siteId: 1, hotjarVersion: '6);alert(1' }, 'hotjarVersion must be a positive integer, got "6);alert(1"'],
    [{ siteId: 1, nonce: 42 }, 'nonce must be a non-empty string, got 42'],
    [{ siteId: 1, debug: 'yes' }, 'debug must be true or false, got "yes"'],
    [{ siteId: 1, loadScript: 1 }, 'loadScript must be true or false, got 1'],
    [{ siteId: 1, consent: 'denied' }, 'consent must be "granted" or "pending", got "denied"'],
    [
      { siteId: 1, events: { include: 'Signup' } },
      'events.include must be an array of strings and regular expressions, got "Signup"',
    ],
    [
      { siteId: 1, events: { exclude: [1] } },
      'events.exclude must be an array of strings and regular expressions, got an array',
    ],
    [{ siteId: 1, events: { map: 'purchase' } }, 'events.map must be a function, got "purchase"'],
    [{ siteId: 1, events: { map: { 'Order Completed': 'purchase' } } }, 'events.map must be a function, got an object'],
    [{ siteId: 1, identify: { nested: 'deep' } }, 'identify.nested must be "flatten" or "reject", got "deep"'],
    [{ siteId: 1, identify: { maxAttributes: 0 } }, 'identify.maxAttributes must be a positive integer, got 0'],
    [{ siteId: 1, identify: { separator: 1 } }, 'identify.separator must be a string, got 1'],
    [
      { siteId: 1, identify: { anonymousAttributes: 'plan' } },
      'identify.anonymousAttributes must be an array of strings and regular expressions, got "plan"',
    ],
    [
      { siteId: 1, identify: { anonymousAttributes: [{}] } },
      'identify.anonymousAttributes must be an array of strings and regular expressions, got an array',
    ],
    [{ siteId: 1, identify: 'flat' }, 'identify must be an object, got "flat"'],
    [{ siteId: 1, eventName: { mode: 'loose' } }, 'eventName.mode must be "sanitize" or "strict", got "loose"'],
    [{ siteId: 1, eventName: { maxLength: -5 } }, 'eventName.maxLength must be a positive integer, got -5'],
    [{ siteId: 1, onDiagnostic: 'log' }, 'onDiagnostic must be a function, got "log"'],
    [{ siteId: 1, runtime: {} }, 'runtime must be an object with the methods of HotjarRuntime, got an object'],
  ])('%j fails fast with a message naming the option', (options, message) => {
    expect(make(options)).toThrow(`[hotjar-bridge] ${message}`);
  });

  it('refuses a missing options object', () => {
    expect(make(undefined)).toThrow('[hotjar-bridge] options must be an object with at least siteId, got undefined');
  });

  it('accepts a site id given as a string of digits', () => {
    expect(make({ siteId: '1234567' })).not.toThrow();
  });
});
