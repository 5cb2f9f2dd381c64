import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// `pnpm bench` only: bursts in Chromium, timed and printed. Not part of `pnpm test`.
export default defineConfig({
  test: {
    root: fileURLToPath(new URL('.', import.meta.url)),
    include: ['burst.bench-run.ts'],
    environment: 'node',
    testTimeout: 300_000,
    hookTimeout: 90_000,
  },
});
