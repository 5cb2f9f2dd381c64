// What each entry point adds to a user's page: bundled from the built packages, minified and
// gzipped, host SDK excluded, @hotjar/browser included; each script-tag build as shipped. Each
// entry is measured as a production build (the budget's figure: what a user's bundler gives
// for production, codes in place of sentences) and as a development build (the sentences),
// side by side, with the entry's target beside them. Fails when an entry's production figure
// is over its budget, when a script-tag file is further than SCRIPT_TAG_OVERHEAD from its
// bundler figure, or when one vendor package pulls in anything of the other.

import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { bundleImport } from './bundle-import.mjs';
import { budgets, SCRIPT_TAG_OVERHEAD } from './size-budgets.mjs';

let failed = false;

/** A shipped file as it is (a script-tag build); its source map lists what went into it. */
function measureFile(file) {
  const code = readFileSync(new URL(`../${file}`, import.meta.url));
  const map = JSON.parse(readFileSync(new URL(`../${file}.map`, import.meta.url), 'utf8'));
  return { code, inputs: map.sources };
}

/**
 * What a bundler adds for `import { name } from 'package'`. Production is esbuild's own
 * `--minify --platform=browser`, which defines `process.env.NODE_ENV` as "production" with no
 * configuration of ours; development is the same with it defined as "development".
 */
async function measureImport(entry, mode) {
  const define = mode === 'development' ? { 'process.env.NODE_ENV': '"development"' } : undefined;
  const result = await bundleImport(entry, { define });
  return { code: result.outputFiles[0].contents, inputs: Object.keys(result.metafile.inputs) };
}

const kb = (bytes) => `${(bytes / 1024).toFixed(2)} KB`;
const gzipped = (code) => gzipSync(code, { level: 9 }).length;

console.log(
  `${''.padEnd(4)} ${'entry'.padEnd(44)} ${'production'.padStart(10)} ${'minified'.padStart(10)} ${'target'.padStart(10)} ${'budget'.padStart(10)} ${'development'.padStart(12)}`,
);
const production = new Map();
for (const entry of budgets) {
  const prod = entry.file ? measureFile(entry.file) : await measureImport(entry, 'production');
  const dev = entry.file ? measureFile(entry.debug) : await measureImport(entry, 'development');
  const size = gzipped(prod.code);
  production.set(entry.label, size);
  const leaked = [...new Set([...prod.inputs, ...dev.inputs])].filter((input) =>
    entry.mustNotInclude.some((part) => input.includes(part)),
  );
  const problems = leaked.map((input) => `pulls in ${input}, which this entry must not include`);
  if (size > entry.limit) problems.push(`${kb(size)} is over its budget of ${kb(entry.limit)}`);
  const bundler = entry.sameAs === undefined ? undefined : production.get(entry.sameAs);
  if (entry.sameAs !== undefined && bundler === undefined) problems.push(`no entry ${entry.sameAs} measured before it`);
  if (bundler !== undefined && size - bundler > SCRIPT_TAG_OVERHEAD)
    problems.push(`${kb(size - bundler)} more than ${entry.sameAs}, at most ${kb(SCRIPT_TAG_OVERHEAD)}`);
  // A script tag is headed where its bundler entry is, plus the wrapper it may add.
  const bundlerTarget = budgets.find((other) => other.label === entry.sameAs)?.target;
  const target = entry.target ?? (bundlerTarget === undefined ? undefined : bundlerTarget + SCRIPT_TAG_OVERHEAD);
  const status = problems.length > 0 ? 'FAIL' : 'ok';
  console.log(
    `${status.padEnd(4)} ${entry.label.padEnd(44)} ${kb(size).padStart(10)} ${kb(prod.code.length).padStart(10)}` +
      ` ${(target === undefined ? '-' : kb(target)).padStart(10)} ${kb(entry.limit).padStart(10)} ${kb(gzipped(dev.code)).padStart(12)}`,
  );
  for (const problem of problems) console.log(`     ${problem}`);
  if (status === 'FAIL') failed = true;
}
console.log(
  `Gzipped unless marked minified; "development" is the same entry with the sentences (the debug file of a script tag),\n` +
    `which has no budget. A script tag's production file stays within ${kb(SCRIPT_TAG_OVERHEAD)} of its bundler figure.`,
);

if (failed) {
  console.error('size check failed');
  process.exit(1);
}
