// The published packages as the repository's scripts see them: what is packed, where each
// script-tag build lives, and how a project installs the packed tarballs by path. Used by
// pack-all.mjs (for users, before the packages are on npm), check-packages.mjs (which installs
// the tarballs exactly so) and cdn-snippets.mjs.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));

/** The packages under packages/, in the order their tarballs are listed. */
export const packages = ['core', 'amplitude', 'segment', 'api'];

/**
 * The script-tag builds: classic scripts that define a window global, not modules. `file` is
 * the production build's path inside the package (codes in place of sentences), `debug` the
 * development build's beside it (the sentences), both defining the same global.
 */
export const scriptTags = {
  amplitude: {
    file: 'dist/hotjar-bridge-amplitude.min.js',
    debug: 'dist/hotjar-bridge-amplitude.debug.min.js',
    global: 'hotjarBridgeAmplitude',
  },
  segment: {
    file: 'dist/hotjar-bridge-segment.min.js',
    debug: 'dist/hotjar-bridge-segment.debug.min.js',
    global: 'hotjarBridgeSegment',
  },
};

/** The SDK each vendor package needs beside it (a peer dependency), and the version the tests run. */
export const hostSdks = {
  amplitude: { name: '@amplitude/analytics-browser', tested: '2.47.1' },
  segment: { name: '@segment/analytics-next', tested: '1.84.3' },
};

/** A package's package.json. */
export function manifest(name) {
  return JSON.parse(readFileSync(join(root, 'packages', name, 'package.json'), 'utf8'));
}

export function run(command, args, cwd = root) {
  console.log(`$ ${[command, ...args].join(' ')}`);
  execFileSync(command, args, { cwd, stdio: 'inherit' });
}

/**
 * Packs every package from its built `dist` into `destination` (emptied first), as publishing
 * would: `pnpm pack` writes the real versions in place of `workspace:*`. Returns each
 * package's tarball path by name.
 */
export function packAll(destination, { before } = {}) {
  rmSync(destination, { recursive: true, force: true });
  mkdirSync(destination, { recursive: true });
  const tarballs = {};
  for (const name of packages) {
    const dir = join(root, 'packages', name);
    before?.(name, dir);
    const existing = new Set(readdirSync(destination));
    run('pnpm', ['pack', '--pack-destination', destination], dir);
    const created = readdirSync(destination).filter((file) => !existing.has(file) && file.endsWith('.tgz'));
    if (created.length !== 1) throw new Error(`pnpm pack in packages/${name} wrote ${created.length} tarballs`);
    tarballs[name] = join(destination, created[0]);
  }
  return tarballs;
}

/**
 * What a project installs, by path, to use each package from its tarball: a vendor package
 * depends on the core at the same version, which is not on npm until it is published, so the
 * core's tarball is installed with it; the host SDK comes from npm as usual (`pinned`: at the
 * version the tests run).
 */
export function installSets(tarballs, { pinned = false } = {}) {
  const sdk = (vendor) => (pinned ? `${hostSdks[vendor].name}@${hostSdks[vendor].tested}` : hostSdks[vendor].name);
  return [
    { label: 'Amplitude Browser SDK 2.x', args: [tarballs.core, tarballs.amplitude, sdk('amplitude')] },
    { label: 'Segment Analytics.js 2.0', args: [tarballs.core, tarballs.segment, sdk('segment')] },
    { label: 'the core alone, for another SDK', args: [tarballs.core] },
    { label: 'the REST API client and its CLI, on a server', args: [tarballs.api] },
  ];
}
