import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build as esbuild } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import webpack from 'webpack';
import { type BuildMode, DEVELOPMENT_SENTENCES, expectMapNoneReports, expectSiteIdRefusal } from '../shared/build-mode';
import { openPage } from './harness';
import { describeInBrowser } from './in-browser';
import { freePort, serveStatic } from './static-server';

// The proof that each package says sentences in development and the short form in production
// with no configuration of ours, whatever builds the user's app: the app in fixtures/build-modes
// (the core and both plugins, each refusing siteId "abc" and reporting an event its events.map
// drops) built by esbuild, Vite and webpack in both modes, run in Chromium; and the built
// packages imported and required by plain Node. `next build` and `next dev` are in nextjs.test.ts.

const APP = fileURLToPath(new URL('./fixtures/build-modes/', import.meta.url));
const TESTS = fileURLToPath(new URL('../', import.meta.url));
const VITE_BIN = fileURLToPath(new URL('../node_modules/.bin/vite', import.meta.url));
const POLL = { timeout: 30_000, interval: 50 };
const HTML = (script: string) =>
  `<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>build modes</title>\n<link rel="icon" href="data:,">\n<script src="${script}"></script>\n</head>\n<body></body>\n</html>\n`;

interface Served {
  url: string;
  /** The JavaScript the build wrote, to search for sentences; none for a dev server. */
  code: string | undefined;
  close(): Promise<void>;
}

interface BuildCase {
  name: string;
  mode: BuildMode;
  serve(out: string): Promise<Served>;
}

/** Every .js file under a build's output, concatenated. */
function writtenCode(dir: string): string {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.js'))
    .map((file) => readFileSync(join(dir, file), 'utf8'))
    .join('\n');
}

async function serveBuilt(out: string): Promise<Served> {
  const site = await serveStatic(out);
  return { ...site, code: writtenCode(out) };
}

/** The user's command line: `esbuild app.js --bundle [--minify] --platform=browser --outfile=...`. */
const esbuildCase = (mode: BuildMode): BuildCase => ({
  name: `esbuild --bundle${mode === 'production' ? ' --minify' : ''} --platform=browser`,
  mode,
  async serve(out) {
    await esbuild({
      entryPoints: [join(APP, 'app.js')],
      bundle: true,
      minify: mode === 'production',
      platform: 'browser',
      outfile: join(out, 'app.js'),
      logLevel: 'error',
    });
    writeFileSync(join(out, 'index.html'), HTML('/app.js'));
    return serveBuilt(out);
  },
});

/** webpack 5 through its Node API, with nothing set but the mode. */
const webpackCase = (mode: BuildMode): BuildCase => ({
  name: `webpack mode: '${mode}'`,
  mode,
  async serve(out) {
    const compiler = webpack({
      mode,
      context: APP,
      entry: './app.js',
      output: { path: out, filename: 'app.js', publicPath: '/' },
      devtool: false,
      infrastructureLogging: { level: 'error' },
    });
    const stats = await new Promise<webpack.Stats | undefined>((resolve, reject) =>
      compiler.run((error, result) => (error ? reject(error) : resolve(result))),
    );
    await new Promise((resolve) => compiler.close(resolve));
    if (!stats || stats.hasErrors()) throw new Error(`webpack failed:\n${stats?.toString('errors-only')}`);
    writeFileSync(join(out, 'index.html'), HTML('/app.js'));
    return serveBuilt(out);
  },
});

/**
 * Vite from its command line, as a user runs it: in a child process, since vitest's own
 * NODE_ENV ("test") would otherwise be Vite's. The config file only keeps Vite's files in `out`.
 */
function vite(args: string[], out: string): ChildProcess {
  const config = join(out, 'vite.config.mjs');
  writeFileSync(
    config,
    `export default { cacheDir: ${JSON.stringify(join(out, '.vite-cache'))}, build: { outDir: ${JSON.stringify(join(out, 'site'))}, emptyOutDir: true } };\n`,
  );
  const { NODE_ENV: _, ...env } = process.env;
  return spawn(VITE_BIN, [...args, APP, '--config', config, '--logLevel', 'warn'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
}

/** Resolves with the output once the child exits with 0. */
function finished(child: ChildProcess, what: string): Promise<string> {
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve(output) : reject(new Error(`${what} exited with ${code}:\n${output}`)),
    );
  });
}

const viteBuildCase: BuildCase = {
  name: 'vite build',
  mode: 'production',
  async serve(out) {
    await finished(vite(['build'], out), 'vite build');
    return serveBuilt(join(out, 'site'));
  },
};

/** `vite` (the dev server): dependencies pre-bundled on the first visit, modules served one by one. */
const viteDevCase: BuildCase = {
  name: 'vite (dev server)',
  mode: 'development',
  async serve(out) {
    const port = await freePort();
    const child = vite(['--host', '127.0.0.1', '--port', String(port), '--strictPort'], out);
    const exited = finished(child, 'vite').catch((error: unknown) => error);
    const url = `http://127.0.0.1:${port}`;
    const close = async () => {
      if (child.exitCode === null && child.pid !== undefined) process.kill(-child.pid, 'SIGTERM');
      await exited;
    };
    for (let attempt = 0; attempt < 600; attempt += 1) {
      if (child.exitCode !== null) throw await exited;
      if (
        await fetch(url).then(
          (response) => response.ok,
          () => false,
        )
      )
        return { url, code: undefined, close };
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await close();
    throw new Error(`vite did not answer on ${url}`);
  },
};

const BUILDS: BuildCase[] = [
  esbuildCase('production'),
  esbuildCase('development'),
  viteBuildCase,
  viteDevCase,
  webpackCase('production'),
  webpackCase('development'),
];

/** What the app left on the page once it had run. */
interface AppResult {
  refusals: Record<'core' | 'amplitude' | 'segment', string>;
  reports: Record<'core' | 'amplitude' | 'segment', Array<Record<string, unknown>>>;
  errors: string[];
  done: boolean;
}

/** Each refusal and report as the mode's build writes it; the fields the same in both. */
function expectSaidAsIn(mode: BuildMode, result: AppResult): void {
  for (const [name, text] of Object.entries(result.refusals)) {
    expect(text, name).toMatch(/^TypeError: /);
    expectSiteIdRefusal(mode, text, name);
  }
  for (const name of ['core', 'amplitude', 'segment'] as const) expectMapNoneReports(mode, result.reports[name], name);
}

describeInBrowser('the packages in an app built by each bundler, in each mode, in Chromium', (env) => {
  let scratch = '';
  beforeAll(() => {
    scratch = mkdtempSync(join(tmpdir(), 'hotjar-bridge-build-modes-'));
  });
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  for (const b of BUILDS) {
    it(`${b.name}: ${b.mode === 'production' ? 'the short form' : 'the sentences'}, the same fields, no page error`, async () => {
      const out = join(scratch, b.name.replace(/\W+/g, '-'));
      mkdirSync(out, { recursive: true });
      const served = await b.serve(out);
      try {
        const s = await openPage(env.browser(), served.url, { path: '/' });
        try {
          await expect
            .poll(
              () => s.page.evaluate(() => (window as unknown as { __buildModes?: AppResult }).__buildModes?.done),
              POLL,
            )
            .toBe(true);
          const result = await s.page.evaluate(() => (window as unknown as { __buildModes: AppResult }).__buildModes);
          expect(result.errors).toEqual([]);
          expectSaidAsIn(b.mode, result);
          // The map's drop is checked before Hotjar could be told: no event of it reached Hotjar.
          expect((await s.hotjarCalls()).filter((call) => call[0] === 'event')).toEqual([]);
          // `process is not defined`, among others, would be here.
          expect(s.pageErrors).toEqual([]);
          expect(s.consoleErrors).toEqual([]);
          // Vite's dev server keeps a WebSocket to itself; nothing else leaves the page.
          const devSocket = (url: string) => url.startsWith('ws://') && new URL(url).host === new URL(served.url).host;
          expect(s.outside.filter((url) => !devSocket(url))).toEqual([]);
          expect(s.harnessErrors).toEqual([]);
        } finally {
          await s.close();
        }
        if (served.code !== undefined) {
          const kept = DEVELOPMENT_SENTENCES.filter((sentence) => served.code?.includes(sentence));
          // A production bundle holds none of them; a development one all, so the search can fail.
          expect(kept).toEqual(b.mode === 'production' ? [] : DEVELOPMENT_SENTENCES);
        }
      } finally {
        await served.close();
      }
    });
  }
});

/**
 * A page with no bundler in between: an import map over the packages' own ESM files, which
 * read `process.env.NODE_ENV` with nothing to replace it and no `process` in a browser. Importing
 * must work, and the packages then say the short form, as a production build does.
 */
const PACKAGES = fileURLToPath(new URL('../../packages/', import.meta.url));
const HOTJAR_BROWSER = fileURLToPath(new URL('../node_modules/@hotjar/browser/dist/index.esm.js', import.meta.url));
const IMPORT_MAP_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>no bundler</title>
<link rel="icon" href="data:,">
<script type="importmap">
{ "imports": {
  "@hotjar/browser": "/hotjar-browser.js",
  "@hotjar-bridge/core": "/core/index.js",
  "@hotjar-bridge/core/internal": "/core/internal.js",
  "@hotjar-bridge/amplitude": "/amplitude/index.js",
  "@hotjar-bridge/segment": "/segment/index.js"
} }
</script>
<script type="module">
import { createHotjarBridge } from '@hotjar-bridge/core';
import { hotjarPlugin as amplitudePlugin } from '@hotjar-bridge/amplitude';
import { hotjarPlugin as segmentPlugin } from '@hotjar-bridge/segment';
const refusal = (factory) => {
  try { factory({ siteId: 'abc' }); return 'accepted'; } catch (error) { return error.name + ': ' + error.message; }
};
const reports = [];
const bridge = createHotjarBridge({
  siteId: 1234567,
  loadScript: false,
  events: { map: ({ name }) => (name === 'Heartbeat' ? null : name) },
  onDiagnostic: ({ kind, call, reason, subject, message }) => reports.push({ kind, call, reason, subject, message }),
});
bridge.track('Heartbeat');
window.__noBundler = {
  refusals: { core: refusal(createHotjarBridge), amplitude: refusal(amplitudePlugin), segment: refusal(segmentPlugin) },
  plugins: [typeof amplitudePlugin({ siteId: 1234567 }).execute, typeof segmentPlugin({ siteId: 1234567 }).track],
  reports,
};
</script>
</head>
<body></body>
</html>
`;

describeInBrowser('the packages in a page with no bundler (an import map over their ESM files)', (env) => {
  it('import and run without `process`, in the short form of a production build', async () => {
    const out = mkdtempSync(join(tmpdir(), 'hotjar-bridge-no-bundler-'));
    try {
      for (const name of ['core', 'amplitude', 'segment']) {
        mkdirSync(join(out, name));
        for (const file of readdirSync(join(PACKAGES, name, 'dist')).filter(
          (f) => f.endsWith('.js') && !f.endsWith('.min.js'),
        ))
          writeFileSync(join(out, name, file), readFileSync(join(PACKAGES, name, 'dist', file)));
      }
      writeFileSync(join(out, 'hotjar-browser.js'), readFileSync(HOTJAR_BROWSER));
      writeFileSync(join(out, 'index.html'), IMPORT_MAP_PAGE);
      // The files a bundler would be given read the build mode, and there is no `process` here.
      const core = readdirSync(join(out, 'core')).map((file) => readFileSync(join(out, 'core', file), 'utf8'));
      expect(core.join('\n')).toContain('process.env.NODE_ENV');
      const site = await serveStatic(out);
      try {
        const s = await openPage(env.browser(), site.url, { path: '/' });
        try {
          await expect
            .poll(
              () =>
                s.page.evaluate(
                  () => 'refusals' in ((window as unknown as { __noBundler?: object }).__noBundler ?? {}),
                ),
              POLL,
            )
            .toBe(true);
          const result = await s.page.evaluate(
            () =>
              (
                window as unknown as {
                  __noBundler: { refusals: Record<string, string>; plugins: string[]; reports: unknown[] };
                }
              ).__noBundler,
          );
          for (const [name, text] of Object.entries(result.refusals)) {
            expect(text, name).toMatch(/^TypeError: /);
            expectSiteIdRefusal('production', text, name);
          }
          expect(result.plugins).toEqual(['function', 'function']);
          expectMapNoneReports('production', result.reports, 'core');
          expect(s.pageErrors).toEqual([]);
          expect(s.consoleErrors).toEqual([]);
          expect(s.outside).toEqual([]);
        } finally {
          await s.close();
        }
      } finally {
        await site.close();
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});

const run = promisify(execFile);

/**
 * What the built packages say under plain Node, imported (ESM) or required (CJS) from a
 * script in test/, with NODE_ENV as given (unset when undefined). Hotjar's side is a stand-in
 * runtime: the core's bridge reports the map's drop as in a page.
 */
async function inNode(kind: 'esm' | 'cjs', nodeEnv: string | undefined): Promise<Omit<AppResult, 'done' | 'errors'>> {
  const load =
    kind === 'esm'
      ? `const { createHotjarBridge } = await import('@hotjar-bridge/core');
const { hotjarPlugin: amplitudePlugin } = await import('@hotjar-bridge/amplitude');
const { hotjarPlugin: segmentPlugin } = await import('@hotjar-bridge/segment');`
      : `const { createHotjarBridge } = require('@hotjar-bridge/core');
const { hotjarPlugin: amplitudePlugin } = require('@hotjar-bridge/amplitude');
const { hotjarPlugin: segmentPlugin } = require('@hotjar-bridge/segment');`;
  const body = `${load}
const refusal = (factory) => {
  try { factory({ siteId: 'abc' }); return 'accepted'; } catch (error) { return error.name + ': ' + error.message; }
};
const runtime = {
  hasWindow: () => true, existingSiteId: () => null, installStub() {}, inject: () => true, call: () => true,
  currentPath: () => '/',
};
const core = [];
const bridge = createHotjarBridge({
  siteId: 1234567, runtime, events: { map: ({ name }) => (name === 'Heartbeat' ? null : name) },
  onDiagnostic: ({ kind, call, reason, subject, message }) => { if (call === 'event') core.push({ kind, call, reason, subject, message }); },
});
bridge.load();
bridge.track('Heartbeat');
process.stdout.write(JSON.stringify({
  refusals: { core: refusal(createHotjarBridge), amplitude: refusal(amplitudePlugin), segment: refusal(segmentPlugin) },
  reports: { core },
}));
`;
  const { NODE_ENV: _, ...environment } = process.env;
  const script = kind === 'esm' ? `(async () => {\n${body}\n})()` : body;
  const { stdout } = await run(
    process.execPath,
    ['--input-type', kind === 'esm' ? 'module' : 'commonjs', '-e', script],
    {
      cwd: TESTS,
      env: nodeEnv === undefined ? environment : { ...environment, NODE_ENV: nodeEnv },
    },
  );
  return JSON.parse(stdout);
}

describe('the built packages under plain Node', () => {
  for (const kind of ['esm', 'cjs'] as const) {
    for (const [nodeEnv, mode] of [
      [undefined, 'development'],
      ['production', 'production'],
    ] as const) {
      it(`${kind === 'esm' ? 'import' : 'require'} with NODE_ENV ${nodeEnv ?? 'unset'}: the ${mode === 'production' ? 'short form' : 'sentences'}`, async () => {
        const result = await inNode(kind, nodeEnv);
        for (const [name, text] of Object.entries(result.refusals)) {
          expect(text, name).toMatch(/^TypeError: /);
          expectSiteIdRefusal(mode, text, name);
        }
        expectMapNoneReports(mode, result.reports.core, 'core');
      });
    }
  }
});
