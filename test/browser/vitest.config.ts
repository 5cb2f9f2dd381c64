import { fileURLToPath } from 'node:url';
import { defineProject } from 'vitest/config';

// Real Chromium against the built packages: one file at a time (the machine may have two
// cores and each file runs its own browser), with room for the slow-script and burst cases.
export default defineProject({
  test: {
    name: 'browser',
    root: fileURLToPath(new URL('.', import.meta.url)),
    include: ['**/*.test.ts'],
    environment: 'node',
    testTimeout: 90_000,
    hookTimeout: 90_000,
    fileParallelism: false,
    // After the other projects, so that their workers do not share the two cores with Chromium.
    sequence: { groupOrder: 1 },
  },
});
