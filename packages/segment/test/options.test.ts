import { describe, expect, it } from 'vitest';
import { type HotjarPluginOptions, hotjarPlugin } from '../src/index';

const make = (options: unknown) => () => hotjarPlugin(options as HotjarPluginOptions);

describe('hotjarPlugin: configuration errors', () => {
  it.each([
    [{ siteId: 1, identifyAnonymous: 'yes' }, 'identifyAnonymous must be true or false, got "yes"'],
    [{ siteId: 1, pageChanges: 1 }, 'pageChanges must be true or false, got 1'],
    [{ siteId: 1, identifyOnLoad: 'no' }, 'identifyOnLoad must be true or false, got "no"'],
    [
      { siteId: 1, consentCategory: '' },
      'consentCategory must be a consent category name (a non-empty string), got ""',
    ],
    [
      { siteId: 1, consentCategory: ['Analytics'] },
      'consentCategory must be a consent category name (a non-empty string), got an array',
    ],
    [{ siteId: 'abc' }, 'siteId must be your Hotjar site id: a positive integer or a string of digits, got "abc"'],
    [{ siteId: 1, onDiagnostic: 'log' }, 'onDiagnostic must be a function, got "log"'],
  ])('%j fails at the factory call, naming the option', (options, message) => {
    expect(make(options)).toThrow(`[hotjar-bridge] ${message}`);
  });

  it('refuses a missing options object', () => {
    expect(make(undefined)).toThrow('[hotjar-bridge] options must be an object with at least siteId, got undefined');
  });
});
