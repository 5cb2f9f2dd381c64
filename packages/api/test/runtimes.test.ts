import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SURVEY, type FakeHotjar, startFakeHotjar } from './fake-hotjar';

// The client in the other runtimes its README names, each installed from npm as a dev
// dependency (`bun`, `deno`): the library bundled from its source as a package's ESM entry is
// built, then a script that uses it against the local fake of Hotjar's API, run by each.
const bin = (name: string) => fileURLToPath(new URL(`../../../node_modules/.bin/${name}`, import.meta.url));

const PROBE = `import { createHotjarApi, HotjarApiError } from './index.mjs';
const [baseUrl, clientId, clientSecret, siteId, surveyId] = JSON.parse(process.env.PROBE_ARGS);
const api = createHotjarApi({ clientId, clientSecret, baseUrl });
const surveys = [];
for await (const survey of api.surveys(siteId)) surveys.push(survey.name);
let responses = 0;
for await (const page of api.responses(siteId, surveyId, { limit: 100 }).pages()) responses += page.results.length;
const bad = createHotjarApi({ clientId, clientSecret: 'wrong', baseUrl, retries: 0 });
const refused = await bad.survey(siteId, surveyId).then(() => 'no error', (e) => e instanceof HotjarApiError ? e.code : String(e));
console.log(JSON.stringify({ surveys, responses, refused }));
`;

let fake: FakeHotjar;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hotjar-api-runtimes-'));
  await build({
    entryPoints: [fileURLToPath(new URL('../src/index.ts', import.meta.url))],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    outfile: join(dir, 'index.mjs'),
    logLevel: 'error',
  });
  writeFileSync(join(dir, 'probe.mjs'), PROBE);
  fake = await startFakeHotjar();
});
afterAll(async () => {
  await fake?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function runProbe(command: string, args: string[]): Promise<unknown> {
  const env = {
    ...process.env,
    PROBE_ARGS: JSON.stringify([fake.url, fake.clientId, fake.clientSecret, fake.siteId, DEFAULT_SURVEY.id]),
    // Nothing from outside: no update checks or usage reports, and Deno's cache in the scratch folder.
    DENO_NO_UPDATE_CHECK: '1',
    DENO_DIR: join(dir, 'deno'),
    DO_NOT_TRACK: '1',
  };
  return new Promise((resolve, reject) => {
    execFile(command, args, { cwd: dir, env, timeout: 60_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${command} ${args.join(' ')} failed: ${stderr || error.message}`));
      else resolve(JSON.parse(stdout.trim().split('\n').at(-1) ?? ''));
    });
  });
}

const expected = {
  surveys: [DEFAULT_SURVEY.name],
  responses: DEFAULT_SURVEY.responseCount,
  refused: 'unauthorized',
};

describe('the client outside Node', () => {
  it('runs in Node, as the reference for the others', async () => {
    expect(await runProbe(process.execPath, ['probe.mjs'])).toEqual(expected);
  });

  it('runs in Bun', async () => {
    expect(await runProbe(bin('bun'), ['probe.mjs'])).toEqual(expected);
  });

  it('runs in Deno, with network access to the local server only', async () => {
    const host = new URL(fake.url).host;
    const args = ['run', '--no-prompt', '--no-config', '--no-lock', `--allow-net=${host}`, '--allow-env', 'probe.mjs'];
    expect(await runProbe(bin('deno'), args)).toEqual(expected);
  });
});
