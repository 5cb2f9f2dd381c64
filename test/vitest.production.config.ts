import { defineProject } from 'vitest/config';
import { productionAliases } from './production-builds.ts';

// The shared behaviour suites again, against the production bundles (see production-builds.ts):
// a short code in place of a sentence must never change what reaches Hotjar or what is reported.
export default defineProject({
  resolve: { alias: productionAliases },
  test: {
    name: 'production-builds',
    include: ['behaviour.test.ts'],
    environment: 'happy-dom',
    globalSetup: ['./production-builds.ts'],
    env: { HOTJAR_BRIDGE_BUILD: 'production' },
  },
});
