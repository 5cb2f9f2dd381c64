import { readFileSync } from 'node:fs';
import { defineProject } from 'vitest/config';
import { sourceAliases } from '../../vitest.shared.ts';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

export default defineProject({
  resolve: { alias: sourceAliases },
  define: { __PACKAGE_VERSION__: JSON.stringify(version) },
  test: { name: 'segment', include: ['test/**/*.test.ts'], environment: 'happy-dom' },
});
