// Writes the script-tag example of each vendor package's README (between its
// `<!-- cdn-snippet -->` markers) from the built files: the CDN URLs name the package's exact
// version, and each `integrity` holds the SHA-384 hash of its file as built now: the production
// build, dist/hotjar-bridge-<vendor>.min.js, in the example, and the debug build beside it,
// dist/hotjar-bridge-<vendor>.debug.min.js, in the tag that may replace it. With --check it writes nothing and fails when a README differs from what it would
// write (run `pnpm run cdn:update` then); `pnpm run check` runs it after a fresh build.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { manifest, root, scriptTags } from './packages.mjs';

const START = '<!-- cdn-snippet -->';
const END = '<!-- /cdn-snippet -->';

/** What each vendor's page holds around the plugin's tag: the SDK's own snippet, and the line that adds the plugin. */
const pages = {
  amplitude: {
    snippet: [
      "<!-- 1. Amplitude's snippet, unchanged, as Amplitude's setup instructions give it -->",
      '<script type="text/javascript">',
      '  !function(){"use strict";/* ... Amplitude\'s snippet ... */}();',
      "  amplitude.init('YOUR_AMPLITUDE_API_KEY');",
      '</script>',
    ],
    use: [
      '<!-- 3. add it -->',
      '<script>',
      '  amplitude.add(hotjarBridgeAmplitude.plugin({ siteId: 1234567, hotjarVersion: 6 }));',
      '</script>',
    ],
  },
  segment: {
    snippet: [
      "<!-- 1. Segment's snippet, unchanged, as Segment's setup instructions give it -->",
      '<script>',
      '  !function(){var i="analytics",analytics=window[i]=window[i]||[];/* ... Segment\'s snippet ... */',
      '  analytics.load("YOUR_WRITE_KEY");',
      '  analytics.page();',
      '  }}();',
      '</script>',
    ],
    use: [
      '<!-- 3. register it -->',
      '<script>',
      '  analytics.register(hotjarBridgeSegment.plugin({ siteId: 1234567, hotjarVersion: 6, pageChanges: true }));',
      '</script>',
    ],
  },
};

/** The Subresource Integrity value of a file: `sha384-` and the base64 digest. */
export function integrity(path) {
  return `sha384-${createHash('sha384').update(readFileSync(path)).digest('base64')}`;
}

/** The plugin's tag for one built file: pinned to the package's version, checked against the file's hash. */
function tag(vendor, file) {
  const path = `@hotjar-bridge/${vendor}@${manifest(vendor).version}/${file}`;
  return [
    '<script',
    `  src="https://cdn.jsdelivr.net/npm/${path}"`,
    `  integrity="${integrity(join(root, 'packages', vendor, file))}"`,
    '  crossorigin="anonymous"',
    '></script>',
  ];
}

function block(vendor) {
  const { file, debug } = scriptTags[vendor];
  const unpkg = `https://unpkg.com/@hotjar-bridge/${vendor}@${manifest(vendor).version}/${file}`;
  return [
    START,
    '```html',
    ...pages[vendor].snippet,
    `<!-- 2. the plugin, pinned to one version and checked against its hash; the same file is at ${unpkg} -->`,
    ...tag(vendor, file),
    ...pages[vendor].use,
    '```',
    '',
    'The file above is the production build: a refused option or a report reads in its short form',
    '(`siteId is invalid, got "abc"`, `event: "Heartbeat" skipped (map-none)`; [what each code',
    'means](../core/README.md#development-and-production-builds)). While you set the page up, the',
    'debug build in place of step 2 says the same in words (`siteId must be your Hotjar site id:',
    '...`); it is larger, and forwards exactly the same calls:',
    '',
    '```html',
    ...tag(vendor, debug),
    '```',
    END,
  ].join('\n');
}

const check = process.argv.includes('--check');
const stale = [];
for (const vendor of Object.keys(scriptTags)) {
  const readme = join(root, 'packages', vendor, 'README.md');
  const text = readFileSync(readme, 'utf8');
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  if (start < 0 || end < start) throw new Error(`${relative(root, readme)} has no ${START} ... ${END} block`);
  const updated = text.slice(0, start) + block(vendor) + text.slice(end + END.length);
  if (updated === text) {
    console.log(`ok   ${relative(root, readme)}: the script tags match the built files`);
  } else if (check) {
    stale.push(relative(root, readme));
  } else {
    writeFileSync(readme, updated);
    console.log(
      `wrote ${relative(root, readme)}: the script tags of ${manifest(vendor).version}, hashed from the builds`,
    );
  }
}
if (stale.length > 0) {
  console.error(
    `${stale.join(', ')}: the script tag's version or integrity hash is not the built file's; run \`pnpm run cdn:update\``,
  );
  process.exit(1);
}
