import { defineProject } from 'vitest/config';
import { sourceAliases } from '../../vitest.shared.ts';

export default defineProject({
  resolve: { alias: sourceAliases },
  test: { name: 'amplitude', include: ['test/**/*.test.ts'], environment: 'happy-dom' },
});
