import { defineProject } from 'vitest/config';

export default defineProject({
  // The CLI tests start a process per run; on a loaded machine one test of several runs can take
  // more than vitest's default 5 s. This bounds a hung test, it measures nothing.
  test: { name: 'api', include: ['test/**/*.test.ts'], environment: 'node', testTimeout: 60_000 },
});
