import { afterEach, describe, expect, it, vi } from 'vitest';
import { SET_ONCE_STORAGE_KEY, setOnceMemory, setOnceOwner } from '../src/set-once';

afterEach(() => {
  vi.restoreAllMocks();
  localStorage.clear();
});

describe('setOnceOwner', () => {
  it('names a site and user without writing either out', () => {
    const owner = setOnceOwner(1234567, 'jane@example.com');
    expect(owner).toMatch(/^u[0-9a-z]+$/);
    expect(owner).not.toContain('jane');
    expect(setOnceOwner(1234567, 'jane@example.com')).toBe(owner);
    expect(setOnceOwner(7654321, 'jane@example.com')).not.toBe(owner);
    expect(setOnceOwner(1234567, 'john@example.com')).not.toBe(owner);
  });
});

describe('setOnceMemory', () => {
  it('writes nothing while storing is not allowed, remembers in memory, and writes it all once it is', () => {
    let allowed = false;
    const memory = setOnceMemory(() => allowed);
    memory.remember('a', ['initial_utm_source']);
    memory.persist();
    expect(localStorage.length).toBe(0);
    expect(memory.known('a')).toEqual(['initial_utm_source']);
    allowed = true;
    memory.persist();
    expect(JSON.parse(localStorage.getItem(SET_ONCE_STORAGE_KEY) ?? '')).toEqual({ a: ['initial_utm_source'] });
  });

  it('adds what was remembered before storing was allowed to the next write', () => {
    let allowed = false;
    const memory = setOnceMemory(() => allowed);
    memory.remember('a', ['initial_utm_source']);
    allowed = true;
    memory.remember('a', ['plan']);
    expect(JSON.parse(localStorage.getItem(SET_ONCE_STORAGE_KEY) ?? '')).toEqual({ a: ['initial_utm_source', 'plan'] });
  });

  it('remembers key names per owner in one localStorage entry, shared by every instance', () => {
    setOnceMemory().remember('a', ['first_plan', 'initial_utm_source']);
    const later = setOnceMemory();
    expect(later.known('a')).toContain('first_plan');
    expect(later.known('b')).not.toContain('first_plan');
    expect(later.known('a')).not.toContain('plan');
    expect(JSON.parse(localStorage.getItem(SET_ONCE_STORAGE_KEY) ?? '')).toEqual({
      a: ['first_plan', 'initial_utm_source'],
    });
    expect(localStorage.length).toBe(1);
  });

  it('stays bounded: at most 20 owners, the least recently used leaving first, and 100 names each', () => {
    const memory = setOnceMemory();
    for (let i = 0; i < 25; i += 1) memory.remember(`owner-${i}`, ['k']);
    memory.remember('owner-10', ['k2']);
    memory.remember('owner-25', ['k']);
    const entry = JSON.parse(localStorage.getItem(SET_ONCE_STORAGE_KEY) ?? '') as Record<string, string[]>;
    expect(Object.keys(entry)).toHaveLength(20);
    expect(entry['owner-10']).toEqual(['k', 'k2']);
    expect(entry['owner-5']).toBeUndefined();
    expect(entry['owner-6']).toBeDefined();

    memory.remember(
      'many',
      Array.from({ length: 150 }, (_, i) => `key_${i}`),
    );
    memory.remember('many', ['x'.repeat(101)]);
    expect(memory.known('many')).toContain('key_99');
    expect(memory.known('many')).not.toContain('key_100');
    expect(memory.known('many')).not.toContain('x'.repeat(101));
  });

  it('reads a damaged entry as empty and writes it anew', () => {
    localStorage.setItem(SET_ONCE_STORAGE_KEY, '{not json');
    const memory = setOnceMemory();
    expect(memory.known('a')).not.toContain('k');
    memory.remember('a', ['k']);
    expect(memory.known('a')).toContain('k');
    localStorage.setItem(SET_ONCE_STORAGE_KEY, JSON.stringify({ a: 'k', b: [1, 'k'] }));
    expect(memory.known('a')).not.toContain('k');
    expect(memory.known('b')).toContain('k');
  });

  it('falls back to memory where storage refuses writes', () => {
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new Error('QuotaExceededError');
    });
    const memory = setOnceMemory();
    expect(() => memory.remember('a', ['k'])).not.toThrow();
    expect(memory.known('a')).toContain('k');
    memory.remember('a', ['k2']);
    expect(memory.known('a')).toContain('k');
    expect(memory.known('a')).toContain('k2');
  });

  it('falls back to memory where reading localStorage throws', () => {
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new Error('SecurityError');
    });
    const memory = setOnceMemory();
    memory.remember('a', ['k']);
    expect(memory.known('a')).toContain('k');
  });

  it('falls back to memory where there is no localStorage at all', () => {
    vi.stubGlobal('localStorage', undefined);
    try {
      const memory = setOnceMemory();
      memory.remember('a', ['k']);
      expect(memory.known('a')).toContain('k');
      expect(setOnceMemory().known('a')).toEqual([]);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
