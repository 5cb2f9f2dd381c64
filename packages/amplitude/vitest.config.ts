import { defineProject } from 'vitest/config';
import { sourceAliases } from '../../vitest.shared.ts';

export default defineProject({
  resolve: { alias: sourceAliases },
  test: {
    name: 'amplitude',
    include: ['test/**/*.test.ts'],
    environment: 'happy-dom',
    // Type tests: `amplitude.add(hotjarPlugin(...))` must compile against the SDK's own types.
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
  },
});
