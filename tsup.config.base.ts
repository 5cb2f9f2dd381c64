import type { Options } from 'tsup';

/** The build every published package shares: ESM + CJS + types, no bundled dependencies. */
export function packageBuild(overrides: Options = {}): Options {
  return {
    entry: ['src/index.ts'],
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    sourcemap: true,
    target: 'es2020',
    treeshake: true,
    ...overrides,
  };
}
