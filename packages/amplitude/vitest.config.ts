import { defineProject } from 'vitest/config';
import { sourceAliases } from '../../vitest.shared.ts';

export default defineProject({
  resolve: { alias: sourceAliases },
  // The type tests (test/*.test-d.ts: `amplitude.add(hotjarPlugin(...))` compiles against the
  // SDK's own types) are checked by `tsc` in `pnpm run typecheck`, not by vitest's typecheck mode.
  // The real SDK runs in every test, and some wait for its own upload timer: the timeout only
  // guards against a hang, on a machine that may be busy.
  test: { name: 'amplitude', include: ['test/**/*.test.ts'], environment: 'happy-dom', testTimeout: 60_000 },
});
