// What each entry point adds to a user's page: bundled from the built packages, minified and
// gzipped, host SDK excluded, @hotjar/browser included. Fails when an entry is over its
// budget or when one vendor package pulls in anything of the other.

import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { budgets } from './size-budgets.mjs';

const resolveDir = fileURLToPath(new URL('../test/', import.meta.url));
let failed = false;

for (const entry of budgets) {
  const result = await build({
    stdin: { contents: `export { ${entry.name} } from '${entry.from}';`, resolveDir, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2020',
    write: false,
    metafile: true,
    external: entry.external,
    logLevel: 'error',
  });
  const code = result.outputFiles[0].contents;
  const gzipped = gzipSync(code, { level: 9 }).length;
  const inputs = Object.keys(result.metafile.inputs);
  const leaked = inputs.filter((input) => entry.mustNotInclude.some((part) => input.includes(part)));
  const over = gzipped > entry.limit;
  const status = over || leaked.length > 0 ? 'FAIL' : 'ok';
  console.log(
    `${status.padEnd(4)} ${entry.label.padEnd(44)} ${(gzipped / 1024).toFixed(2)} KB gzipped` +
      ` (${(code.length / 1024).toFixed(2)} KB minified), budget ${(entry.limit / 1024).toFixed(2)} KB`,
  );
  for (const input of leaked) console.log(`     pulls in ${input}, which this entry must not include`);
  if (status === 'FAIL') failed = true;
}

if (failed) {
  console.error('size check failed');
  process.exit(1);
}
