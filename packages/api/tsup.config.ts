import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.config.base';

// Node 20 is the oldest runtime supported, so nothing is transpiled below it.
const node = { target: 'node20', platform: 'node' } as const;

export default defineConfig([
  // The library in ESM and CJS with types. Its clean keeps the CLI, which the other build
  // of the same run writes beside it.
  packageBuild({ entry: { index: 'src/index.ts' }, clean: ['cli.js', 'cli.js.map'], ...node }),
  // The CLI (src/cli.ts, with its shebang) is the `bin`, run as ESM: no CommonJS copy of it.
  packageBuild({ entry: { cli: 'src/cli.ts' }, format: ['esm'], dts: false, clean: false, ...node }),
]);
