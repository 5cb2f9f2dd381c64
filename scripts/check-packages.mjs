// Checks the published packages as users get them: packs each one, runs publint --strict and
// attw on the tarball, then installs the tarballs by path into a scratch project outside the
// workspace, as `pnpm run pack:all` tells users to, imports and requires each package, and
// compiles a TypeScript usage file against them with skipLibCheck off, under both node16 and
// bundler resolution. The API package's CLI is run from the installed tarball, as
// `npx @hotjar-bridge/api` runs it.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { installSets, packAll, root, run, scriptTags } from './packages.mjs';

const bin = (name) => join(root, 'node_modules', '.bin', name);

const packed = packAll(join(root, '.tmp', 'packs'), { before: (_name, dir) => run(bin('publint'), ['--strict'], dir) });
for (const [name, tarball] of Object.entries(packed)) {
  // attw reads module types; the script-tag builds are classic scripts, run by the scratch project instead.
  const tags = scriptTags[name];
  const exclude = tags ? ['--exclude-entrypoints', `./${tags.file}`, `./${tags.debug}`] : [];
  run(bin('attw'), [tarball, '--format', 'table-flipped', ...exclude]);
}
// Every install line pack:all prints, in one project.
const installArgs = [...new Set(installSets(packed, { pinned: true }).flatMap((set) => set.args))];

const consumer = mkdtempSync(join(tmpdir(), 'hotjar-bridge-consumer-'));
try {
  writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true, version: '0.0.0' }));
  run('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', ...installArgs, 'typescript@5.9.3'], consumer);
  writeFileSync(
    join(consumer, 'load.mjs'),
    `import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const checks = [
  ['@hotjar-bridge/core', 'createHotjarBridge'],
  ['@hotjar-bridge/amplitude', 'hotjarPlugin'],
  ['@hotjar-bridge/segment', 'hotjarPlugin'],
  ['@hotjar-bridge/api', 'createHotjarApi'],
];
for (const [name, exported] of checks) {
  const esm = await import(name);
  const cjs = require(name);
  if (typeof esm[exported] !== 'function') throw new Error(name + ': import gives no ' + exported);
  if (typeof cjs[exported] !== 'function') throw new Error(name + ': require gives no ' + exported);
  console.log('ok', name, 'import and require');
}
`,
  );
  run('node', ['load.mjs'], consumer);
  const help = execFileSync(join(consumer, 'node_modules', '.bin', 'hotjar-api'), ['--help'], { cwd: consumer });
  if (!help.toString().includes('lookup-user')) throw new Error('hotjar-api --help from the tarball lists no commands');
  console.log('ok', 'hotjar-api --help from the installed tarball');
  // Each script-tag build, as installed, run as a classic script: its global has the factory.
  writeFileSync(
    join(consumer, 'script-tags.cjs'),
    `const { readFileSync } = require('node:fs');
const vm = require('node:vm');
// The production file refuses a bad option with the short form, the debug file with the sentence.
for (const [vendor, { file, debug, global }] of Object.entries(${JSON.stringify(scriptTags)})) {
  for (const [path, expected] of [[file, 'siteId is invalid'], [debug, 'siteId must be']]) {
    const page = vm.createContext({});
    vm.runInContext(readFileSync(require.resolve('@hotjar-bridge/' + vendor + '/' + path), 'utf8'), page);
    const api = page[global];
    if (typeof api?.plugin !== 'function' || api.plugin !== api.hotjarPlugin) throw new Error(path + ': no ' + global + '.plugin');
    let refusal = '';
    try {
      api.plugin({ siteId: 'abc' });
    } catch (error) {
      refusal = String(error && error.message);
    }
    if (!refusal.includes(expected)) throw new Error(path + ': siteId "abc" gives ' + JSON.stringify(refusal) + ', not ' + expected);
    console.log('ok', '@hotjar-bridge/' + vendor + '/' + path, 'defines', global + '.plugin, which says', JSON.stringify(refusal));
  }
}
`,
  );
  run('node', ['script-tags.cjs'], consumer);
  writeFileSync(
    join(consumer, 'usage.ts'),
    `import * as amplitude from '@amplitude/analytics-browser';
import { AnalyticsBrowser } from '@segment/analytics-next';
import { createHotjarBridge, toHotjarEventName, toHotjarIdentify, type HotjarDiagnostic } from '@hotjar-bridge/core';
import { hotjarPlugin as amplitudePlugin } from '@hotjar-bridge/amplitude';
import { hotjarPlugin as segmentPlugin } from '@hotjar-bridge/segment';
import { createHotjarApi, HotjarApiError, type HotjarSurveyResponse } from '@hotjar-bridge/api';

const onDiagnostic = (d: HotjarDiagnostic): void => console.log(d.message);
amplitude.add(amplitudePlugin({ siteId: 1234567, hotjarVersion: 6, onDiagnostic }));
const analytics = AnalyticsBrowser.load({ writeKey: 'key' });
void analytics.register(segmentPlugin({ siteId: 1234567, hotjarVersion: 6, pageChanges: true }));
const bridge = createHotjarBridge({ siteId: '1234567', consent: 'pending' });
const name: string | null = toHotjarEventName('Signed up');
const attributes: Record<string, string | number | boolean> = toHotjarIdentify('u1', { a: 1 }).attributes;
bridge.grantConsent();
const api = createHotjarApi({ clientId: 'id', clientSecret: 'secret' });
async function exportAll(): Promise<HotjarSurveyResponse[]> {
  const all: HotjarSurveyResponse[] = [];
  for await (const page of api.responses(1, 2, { limit: 100 }).pages()) all.push(...page.results);
  return all;
}
const isApiError = (e: unknown): boolean => e instanceof HotjarApiError && e.code === 'forbidden-plan';
export { name, attributes, exportAll, isApiError };
`,
  );
  const tsc = join(consumer, 'node_modules', '.bin', 'tsc');
  const common = [
    '--noEmit',
    '--strict',
    '--skipLibCheck',
    'false',
    '--target',
    'es2022',
    '--lib',
    'es2022,dom',
    'usage.ts',
  ];
  run(tsc, [...common, '--module', 'node16', '--moduleResolution', 'node16'], consumer);
  run(tsc, [...common, '--module', 'esnext', '--moduleResolution', 'bundler'], consumer);
  console.log('package checks passed');
} finally {
  rmSync(consumer, { recursive: true, force: true });
}
