// What each source module costs an entry's production build, the price list of the features
// (modules are named for what they hold: email.ts, addresses in every written form;
// event-map.ts, events.map; set-once.ts, Amplitude's $setOnce memory). The entry is bundled from
// the packages' sources as `pnpm run size` bundles it (esbuild --minify --platform=browser, so
// process.env.NODE_ENV is "production"). Per module: its own minified bytes in the bundle, its
// share of the gzipped total in proportion, and what the gzipped bundle loses when the module's
// code is replaced by empty exports: that is the module with everything only it uses, so for a
// module others hang from (a plugin's plugin.ts, the bridge) it is most of the bundle.
//
//   node scripts/size-costs.mjs [core|amplitude|segment ...]

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { bundleImport } from './bundle-import.mjs';
import { budgets } from './size-budgets.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
// The bundler entries of the size check, by package: core, amplitude, segment.
const entries = Object.fromEntries(
  budgets.filter((entry) => entry.file === undefined).map((entry) => [entry.from.split('/')[1], entry]),
);
const alias = {
  '@hotjar-bridge/core/internal': `${root}packages/core/src/internal.ts`,
  '@hotjar-bridge/core': `${root}packages/core/src/index.ts`,
  '@hotjar-bridge/amplitude': `${root}packages/amplitude/src/index.ts`,
  '@hotjar-bridge/segment': `${root}packages/segment/src/index.ts`,
};

/** The names a module exports, read from its declarations: enough for an empty stand-in. */
function exportNames(path) {
  const source = readFileSync(path, 'utf8');
  const names = new Set();
  for (const m of source.matchAll(/^export (?:async )?(?:function\*?|const|let|class) (\w+)/gm)) names.add(m[1]);
  for (const m of source.matchAll(/^export \{([^}]*)\}(?! from)/gm)) {
    for (const part of m[1].split(',')) {
      const name = part
        .trim()
        .split(/\s+as\s+/)
        .pop();
      if (name && !name.startsWith('type ')) names.add(name);
    }
  }
  if (/^export default /m.test(source)) names.add('default');
  return [...names];
}

async function bundle(pkg, stubbed) {
  const plugins = stubbed
    ? [
        {
          name: 'stub',
          setup(b) {
            b.onLoad({ filter: /.*/ }, (args) => {
              if (args.path !== stubbed) return undefined;
              const names = exportNames(args.path);
              const contents = names
                .map((n) => (n === 'default' ? 'export default {};' : `export const ${n} = {};`))
                .join('\n');
              return { contents, loader: 'js' };
            });
          },
        },
      ]
    : [];
  const result = await bundleImport(entries[pkg], { alias, plugins, logLevel: 'silent' });
  const code = result.outputFiles[0].contents;
  return { gzipped: gzipSync(code, { level: 9 }).length, minified: code.length, metafile: result.metafile };
}

for (const pkg of process.argv.length > 2 ? process.argv.slice(2) : Object.keys(entries)) {
  const whole = await bundle(pkg);
  const output = Object.values(whole.metafile.outputs)[0];
  const modules = Object.entries(output.inputs).filter(
    ([path, input]) => input.bytesInOutput > 0 && path !== '<stdin>',
  );
  const rows = [];
  for (const [path, input] of modules) {
    const absolute = path.startsWith('/') ? path : `${root}${path}`;
    const without = await bundle(pkg, absolute).catch(() => undefined);
    rows.push({
      path: path.replace(/.*node_modules\//, ''),
      minified: input.bytesInOutput,
      gzipped: without && whole.gzipped - without.gzipped,
    });
  }
  rows.sort((a, b) => b.minified - a.minified);
  console.log(`${pkg}: ${whole.gzipped} B gzipped, ${whole.minified} B minified (production)`);
  console.log(`  ${'minified'.padStart(8)} ${'gz share'.padStart(8)} ${'removed'.padStart(8)}  module`);
  for (const row of rows) {
    const share = Math.round((row.minified * whole.gzipped) / whole.minified);
    const removed = row.gzipped === undefined ? '?' : String(row.gzipped);
    console.log(
      `  ${String(row.minified).padStart(8)} ${String(share).padStart(8)} ${removed.padStart(8)}  ${row.path}`,
    );
  }
}
