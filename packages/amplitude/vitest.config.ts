import { defineProject } from 'vitest/config';
import { sourceAliases } from '../../vitest.shared.ts';

export default defineProject({
  resolve: { alias: sourceAliases },
  // The type tests (test/*.test-d.ts: `amplitude.add(hotjarPlugin(...))` compiles against the
  // SDK's own types) are checked by `tsc` in `pnpm run typecheck`, not by vitest's typecheck mode.
  test: { name: 'amplitude', include: ['test/**/*.test.ts'], environment: 'happy-dom' },
});
