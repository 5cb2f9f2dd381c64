// Exports survey responses with the built `hotjar-api` CLI, in its own process, from the local
// fake of Hotjar's API (packages/api/test/fake-hotjar.ts, bundled here with esbuild because
// Node 20 does not run TypeScript). Reports responses per second and the CLI's peak memory
// (RSS) for 10,000 and 100,000 responses: the export streams page by page, so the peak must
// not grow with the count. The last case runs the 100,000 with V8's old generation capped at
// 16 MB: an export that held its responses could not finish. Runs the built package
// (`pnpm build` first).
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const work = join(root, '.tmp', 'bench-api');
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });

const fakeModule = join(work, 'fake-hotjar.mjs');
await build({
  entryPoints: [join(root, 'packages/api/test/fake-hotjar.ts')],
  bundle: true,
  platform: 'node',
  format: 'esm',
  outfile: fakeModule,
  logLevel: 'error',
});
const { startFakeHotjar, DEFAULT_SURVEY } = await import(pathToFileURL(fakeModule).href);

// Loaded before the CLI: when it exits, writes its peak RSS and the JavaScript heap in use
// (what is still reachable or not yet collected), both in kilobytes.
const rssHook = join(work, 'peak-rss.mjs');
writeFileSync(
  rssHook,
  `import { writeFileSync } from 'node:fs';
process.on('exit', () => {
  const memory = [process.resourceUsage().maxRSS, process.memoryUsage().heapUsed / 1024];
  writeFileSync(process.env.PEAK_RSS_FILE, JSON.stringify(memory));
});
`,
);
const bin = join(root, 'packages/api/dist/cli.js');

function exportOnce(fake, count, format, nodeFlags) {
  const out = join(work, `export-${count}.${format}`);
  const rssFile = join(work, 'rss.txt');
  const started = process.hrtime.bigint();
  const child = spawn(
    process.execPath,
    [
      ...nodeFlags,
      '--import',
      pathToFileURL(rssHook).href,
      bin,
      'responses',
      String(fake.siteId),
      '555',
      '--format',
      format,
      '--out',
      out,
    ],
    {
      env: {
        PATH: process.env.PATH,
        HOTJAR_CLIENT_ID: fake.clientId,
        HOTJAR_CLIENT_SECRET: fake.clientSecret,
        HOTJAR_API_URL: fake.url,
        PEAK_RSS_FILE: rssFile,
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  return new Promise((resolve, reject) => {
    child.on('close', (code) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (code !== 0) return reject(new Error(`export of ${count} failed (${code}): ${stderr}`));
      if (!stderr.includes(`${count} responses in`))
        return reject(new Error(`export of ${count} incomplete: ${stderr}`));
      const bytes = statSync(out).size;
      rmSync(out);
      const [peakRssKb, heapUsedKb] = JSON.parse(readFileSync(rssFile, 'utf8'));
      resolve({ seconds, peakRssMb: peakRssKb / 1024, heapUsedMb: heapUsedKb / 1024, bytes });
    });
  });
}

const cases = [
  { count: 10_000, format: 'ndjson', flags: [] },
  { count: 10_000, format: 'csv', flags: [] },
  { count: 100_000, format: 'ndjson', flags: [] },
  { count: 100_000, format: 'csv', flags: [] },
  { count: 100_000, format: 'csv', flags: ['--max-old-space-size=16'] },
];
const rows = [];
for (const count of new Set(cases.map((c) => c.count))) {
  const fake = await startFakeHotjar({ surveys: [{ ...DEFAULT_SURVEY, responseCount: count }] });
  try {
    for (const { format, flags } of cases.filter((c) => c.count === count)) {
      const result = await exportOnce(fake, count, format, flags);
      rows.push({
        case: `export ${format}${flags.length > 0 ? ', old generation capped at 16 MB' : ''}`,
        responses: count.toLocaleString('en-US'),
        seconds: result.seconds.toFixed(2),
        'responses/s': Math.round(count / result.seconds).toLocaleString('en-US'),
        'peak RSS MB': result.peakRssMb.toFixed(1),
        'heap used at exit MB': result.heapUsedMb.toFixed(1),
        'file MB': (result.bytes / 1024 / 1024).toFixed(1),
      });
    }
  } finally {
    await fake.close();
  }
}
rmSync(work, { recursive: true, force: true });
console.log(
  `\nhotjar-api responses export, Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown CPU'}`,
);
console.table(rows);
