import { defineProject } from 'vitest/config';
import { sourceAliases } from '../../vitest.shared.ts';

export default defineProject({
  resolve: { alias: sourceAliases },
  test: { name: 'core', include: ['test/**/*.test.ts'], environment: 'happy-dom' },
});
