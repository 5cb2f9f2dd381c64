import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.config.base';

// The library in ESM and CJS with types; the CLI (src/cli.ts, with its shebang) is the `bin`.
// Node 20 is the oldest runtime supported, so nothing is transpiled below it.
export default defineConfig(
  packageBuild({
    entry: { index: 'src/index.ts', cli: 'src/cli.ts' },
    dts: { entry: { index: 'src/index.ts' } },
    target: 'node20',
    platform: 'node',
  }),
);
