// The one way the size scripts bundle an entry: what a user's bundler adds for
// `import { name } from 'package'`, minified for the browser. esbuild defines
// `process.env.NODE_ENV` as "production" for such a build with no configuration of ours, as a
// user's production build does; `define` gives another mode.

import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const resolveDir = fileURLToPath(new URL('../test/', import.meta.url));

/** esbuild's result (one output file, with its metafile) for `import { entry.name } from entry.from`. */
export function bundleImport(entry, { define, alias, plugins, logLevel = 'error' } = {}) {
  return build({
    stdin: { contents: `export { ${entry.name} } from '${entry.from}';`, resolveDir, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2020',
    write: false,
    metafile: true,
    external: entry.external,
    define,
    alias,
    plugins,
    logLevel,
  });
}
