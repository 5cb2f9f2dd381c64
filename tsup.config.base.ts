import type { Options } from 'tsup';

/** The build every published package shares: ESM + CJS + types, no bundled dependencies. */
export function packageBuild(overrides: Options = {}): Options {
  return {
    entry: ['src/index.ts'],
    format: ['esm', 'cjs'],
    dts: true,
    // Keeps the script-tag build, which the other config of the same run writes beside it.
    clean: ['*.min.js', '*.min.js.map'],
    sourcemap: true,
    target: 'es2020',
    treeshake: true,
    ...overrides,
  };
}

/**
 * The script-tag build of a vendor package: one minified file, `dist/<file>.min.js`, that
 * defines `window[globalName]` with `.plugin(options)`, as Amplitude's own plugins do on its
 * CDN. The core and `@hotjar/browser` are inside; the host SDK is the page's own.
 */
export function scriptTagBuild(file: string, globalName: string, overrides: Options = {}): Options {
  return {
    entry: { [file]: 'src/iife.ts' },
    format: ['iife'],
    globalName,
    outExtension: () => ({ js: '.min.js' }),
    platform: 'browser',
    noExternal: [/.*/],
    minify: true,
    dts: false,
    clean: false,
    sourcemap: true,
    target: 'es2020',
    // esbuild's own tree shaking: rollup's (tsup's `treeshake`) writes an IIFE taking an
    // `exports` argument, which package linters read as CommonJS.
    treeshake: false,
    ...overrides,
  };
}
