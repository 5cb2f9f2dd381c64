import type { Options } from 'tsup';

/**
 * The build every published package shares: ESM + CJS + types, no bundled dependencies.
 * `process.env.NODE_ENV` is left in place: the user's bundler decides between the development
 * sentences and the production codes, and Node reads it at run time.
 */
export function packageBuild(overrides: Options = {}): Options {
  return {
    entry: ['src/index.ts'],
    format: ['esm', 'cjs'],
    dts: true,
    // Keeps the script-tag builds, which the other configs of the same run write beside it.
    clean: ['!*.min.js', '!*.min.js.map'],
    sourcemap: true,
    target: 'es2020',
    treeshake: true,
    ...overrides,
  };
}

/**
 * The script-tag builds of a vendor package, as Amplitude's own plugins are on its CDN: each a
 * minified file that defines `window[globalName]` with `.plugin(options)`. The core and
 * `@hotjar/browser` are inside; the host SDK is the page's own. `dist/<file>.min.js` is the
 * production build, with a short code in place of each sentence; `dist/<file>.debug.min.js`,
 * beside it, is the same code with the development sentences, for a page being set up.
 */
export function scriptTagBuilds(file: string, globalName: string, overrides: Options = {}): Options[] {
  const build = (name: string, mode: 'production' | 'development'): Options => ({
    entry: { [name]: 'src/iife.ts' },
    format: ['iife'],
    globalName,
    outExtension: () => ({ js: '.min.js' }),
    platform: 'browser',
    noExternal: [/.*/],
    minify: true,
    // What a user's bundler defines; a page without a bundler has no `process` to read it from.
    env: { NODE_ENV: mode },
    dts: false,
    clean: false,
    sourcemap: true,
    target: 'es2020',
    // esbuild's own tree shaking: rollup's (tsup's `treeshake`) writes an IIFE taking an
    // `exports` argument, which package linters read as CommonJS.
    treeshake: false,
    ...overrides,
  });
  return [build(file, 'production'), build(`${file}.debug`, 'development')];
}
