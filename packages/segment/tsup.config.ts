import { readFileSync } from 'node:fs';
import { defineConfig } from 'tsup';
import { packageBuild, scriptTagBuilds } from '../../tsup.config.base';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };
const define = { __PACKAGE_VERSION__: JSON.stringify(version) };

export default defineConfig([
  packageBuild({ define }),
  ...scriptTagBuilds('hotjar-bridge-segment', 'hotjarBridgeSegment', { define }),
]);
