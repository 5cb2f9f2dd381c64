import { defineConfig } from 'tsup';
import { packageBuild, scriptTagBuilds } from '../../tsup.config.base';

export default defineConfig([packageBuild(), ...scriptTagBuilds('hotjar-bridge-amplitude', 'hotjarBridgeAmplitude')]);
