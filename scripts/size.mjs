// What each entry point adds to a user's page: bundled from the built packages, minified and
// gzipped, host SDK excluded, @hotjar/browser included; each script-tag build as shipped. Fails when an entry is over its
// budget or when one vendor package pulls in anything of the other.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { budgets } from './size-budgets.mjs';

const resolveDir = fileURLToPath(new URL('../test/', import.meta.url));
let failed = false;

/** A shipped file as it is (a script-tag build); its source map lists what went into it. */
function measureFile(entry) {
  const code = readFileSync(new URL(`../${entry.file}`, import.meta.url));
  const map = JSON.parse(readFileSync(new URL(`../${entry.file}.map`, import.meta.url), 'utf8'));
  return { code, inputs: map.sources };
}

/** What a bundler adds for `import { name } from 'package'`. */
async function measureImport(entry) {
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
  return { code: result.outputFiles[0].contents, inputs: Object.keys(result.metafile.inputs) };
}

for (const entry of budgets) {
  const { code, inputs } = entry.file ? measureFile(entry) : await measureImport(entry);
  const gzipped = gzipSync(code, { level: 9 }).length;
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
