import { fileURLToPath } from 'node:url';

/** Tests run against the packages' sources, so a change is tested without a rebuild. */
export const sourceAliases = {
  // Before '@hotjar-bridge/core', whose alias would also match this path.
  '@hotjar-bridge/core/internal': fileURLToPath(new URL('./packages/core/src/internal.ts', import.meta.url)),
  '@hotjar-bridge/core': fileURLToPath(new URL('./packages/core/src/index.ts', import.meta.url)),
  '@hotjar-bridge/amplitude': fileURLToPath(new URL('./packages/amplitude/src/index.ts', import.meta.url)),
  '@hotjar-bridge/segment': fileURLToPath(new URL('./packages/segment/src/index.ts', import.meta.url)),
};
