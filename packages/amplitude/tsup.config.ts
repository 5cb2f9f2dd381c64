import { defineConfig } from 'tsup';
import { packageBuild, scriptTagBuild } from '../../tsup.config.base';

export default defineConfig([packageBuild(), scriptTagBuild('hotjar-bridge-amplitude', 'hotjarBridgeAmplitude')]);
