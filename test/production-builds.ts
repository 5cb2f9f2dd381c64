import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { DEVELOPMENT_SENTENCES } from './shared/build-mode.ts';

// The packages as a user's production build has them, for the behaviour suites to run against:
// bundled from the same sources the other projects test, by esbuild with `--minify
// --platform=browser` (which defines `process.env.NODE_ENV` as "production": codes in place of
// sentences), the host SDKs left to the test's own copies. One build with shared chunks, as in
// an app that imports the core and a plugin: one core, not one per package.

const root = new URL('../', import.meta.url);
const source = (path: string) => fileURLToPath(new URL(path, root));

/** Where the bundles are written: inside test/, so that they resolve the host SDKs as the tests do. */
export const PRODUCTION_DIR = source('test/.tmp/production/dist/');

/** Each package's name, resolved to its production bundle. */
export const productionAliases = {
  '@hotjar-bridge/core': `${PRODUCTION_DIR}core.js`,
  '@hotjar-bridge/amplitude': `${PRODUCTION_DIR}amplitude.js`,
  '@hotjar-bridge/segment': `${PRODUCTION_DIR}segment.js`,
};

/** vitest's globalSetup: writes the bundles before any test file imports them. */
export async function setup(): Promise<void> {
  const result = await build({
    entryPoints: {
      core: source('packages/core/src/index.ts'),
      amplitude: source('packages/amplitude/src/index.ts'),
      segment: source('packages/segment/src/index.ts'),
    },
    alias: {
      '@hotjar-bridge/core/internal': source('packages/core/src/internal.ts'),
      '@hotjar-bridge/core': source('packages/core/src/index.ts'),
    },
    bundle: true,
    minify: true,
    platform: 'browser',
    format: 'esm',
    splitting: true,
    target: 'es2020',
    outdir: PRODUCTION_DIR,
    external: ['@amplitude/*', '@segment/*'],
    write: false,
    logLevel: 'error',
  });
  // The mode is esbuild's own choice: a bundle that kept the development table would prove nothing.
  const kept = DEVELOPMENT_SENTENCES.filter((sentence) =>
    result.outputFiles.some((file) => file.text.includes(sentence)),
  );
  if (kept.length > 0) throw new Error(`the production bundles hold development sentences: ${kept.join('; ')}`);
  rmSync(PRODUCTION_DIR, { recursive: true, force: true });
  for (const file of result.outputFiles) {
    mkdirSync(dirname(file.path), { recursive: true });
    writeFileSync(file.path, file.contents);
  }
}
