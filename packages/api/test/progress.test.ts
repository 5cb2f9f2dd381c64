import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/run';
import { type FakeHotjar, startFakeHotjar } from './fake-hotjar';

// The progress line is for terminals only, so this runs the CLI in this process with streams
// that say they are a terminal, against the same fake over HTTP.
let fake: FakeHotjar | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

function terminal(): { stream: PassThrough & { isTTY?: boolean }; text: () => string } {
  const stream: PassThrough & { isTTY?: boolean } = new PassThrough();
  stream.isTTY = true;
  let text = '';
  stream.setEncoding('utf8').on('data', (chunk: string) => {
    text += chunk;
  });
  return { stream, text: () => text };
}

async function exportWith(isTTY: boolean): Promise<{ code: number; stderr: string; stdout: string }> {
  fake = await startFakeHotjar();
  const stdout = terminal();
  const stderr = terminal();
  stderr.stream.isTTY = isTTY;
  const code = await runCli(['responses', String(fake.siteId), '555', '--retries', '0'], {
    env: { HOTJAR_CLIENT_ID: fake.clientId, HOTJAR_CLIENT_SECRET: fake.clientSecret, HOTJAR_API_URL: fake.url },
    stdin: new PassThrough(),
    stdout: stdout.stream,
    stderr: stderr.stream,
  });
  return { code, stderr: stderr.text(), stdout: stdout.text() };
}

describe('responses progress line', () => {
  it('shows responses, pages and rate on a terminal, one update per page', async () => {
    const run = await exportWith(true);
    expect(run.code).toBe(0);
    const updates = run.stderr.match(/\r\d+ responses?, \d+ pages?, \d+ responses\/s/g) ?? [];
    expect(updates.map((u) => u.replace(/, \d+ responses\/s$/, ''))).toEqual([
      '\r100 responses, 1 page',
      '\r200 responses, 2 pages',
      '\r257 responses, 3 pages',
    ]);
    expect(run.stdout.trimEnd().split('\n')).toHaveLength(257);
  });

  it('is not written when stderr is not a terminal', async () => {
    const run = await exportWith(false);
    expect(run.code).toBe(0);
    expect(run.stderr).not.toContain('\r');
    expect(run.stderr).toBe('257 responses in 3 pages written.\n');
  });
});
