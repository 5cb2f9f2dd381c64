// Builds and packs the four packages into packed/ (gitignored), with the script-tag builds
// (production and debug) beside them, and prints how a project installs them by path. This is how to use the
// packages from a clone before they are on npm; the tarballs are what publishing would upload.
import { copyFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { installSets, manifest, packAll, root, run, scriptTags } from './packages.mjs';

const destination = join(root, 'packed');

run('pnpm', ['run', 'build']);
const tarballs = packAll(destination);
const scripts = Object.entries(scriptTags).flatMap(([vendor, { file, debug, global }]) =>
  [file, debug].map((path) => {
    const target = join(destination, basename(path));
    copyFileSync(join(root, 'packages', vendor, path), target);
    return { vendor, target, global, debug: path === debug };
  }),
);

const quote = (arg) => (/^[\w@./:+-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", "'\\''")}'`);
const lines = [
  '',
  `Packed into ${relative(process.cwd(), destination) || '.'}/ (version ${manifest('core').version}).`,
  'These packages are not on npm yet: install them by path, from your own project.',
];
for (const set of installSets(tarballs)) {
  lines.push('', `# ${set.label}`, `npm install ${set.args.map(quote).join(' ')}`);
}
lines.push(
  '',
  '# The CLI, once the API tarball is installed in a project',
  'npx hotjar-api --help',
  '',
  'Script-tag builds, to serve from your own site (each defines one global; .debug.min.js explains each report in words):',
);
for (const { target, global, debug } of scripts)
  lines.push(`  ${target}  (window.${global}${debug ? ', development sentences' : ''})`);
console.log(lines.join('\n'));
