// Runs the built `hotjar-api` bin in its own process, as users run it, and records everything it
// printed so a test can check that no secret or token ever appeared.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { type FakeHotjar, type FakeHotjarOptions, startFakeHotjar } from './fake-hotjar';

export const bin = fileURLToPath(new URL('../dist/cli.js', import.meta.url));

export function assertBuilt(): void {
  if (!existsSync(bin)) throw new Error(`${bin} is missing: run "pnpm -r build" first (pnpm test does)`);
}

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface ProcessOptions {
  stdin?: string;
  /** Added to (or, with undefined, removed from) the environment: PATH and the fake's credentials. */
  env?: Record<string, string | undefined>;
  cwd?: string;
  onSpawn?: (child: ChildProcess) => void;
  /** Called with each stderr chunk as it arrives. */
  onStderr?: (chunk: string) => void;
}

/** Every stdout and stderr printed by a run so far. */
export const printed: string[] = [];

/** The environment a run gets: PATH, the fake's credentials and URL, then `extra`. */
export function cliEnv(
  fake: FakeHotjar | undefined,
  extra: Record<string, string | undefined> = {},
): NodeJS.ProcessEnv {
  const env: Record<string, string | undefined> = {
    PATH: process.env.PATH,
    HOTJAR_CLIENT_ID: fake?.clientId,
    HOTJAR_CLIENT_SECRET: fake?.clientSecret,
    HOTJAR_API_URL: fake?.url,
    ...extra,
  };
  return Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined)) as NodeJS.ProcessEnv;
}

/** Runs `file args` (node and the bin, or a shell) and collects what it prints. */
export function runProcess(
  file: string,
  args: string[],
  fake: FakeHotjar | undefined,
  options: ProcessOptions = {},
): Promise<Run> {
  const child = spawn(file, args, {
    env: cliEnv(fake, options.env),
    cwd: options.cwd,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  options.onSpawn?.(child);
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
    options.onStderr?.(chunk);
  });
  child.stdin.on('error', () => undefined);
  child.stdin.end(options.stdin ?? '');
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      printed.push(stdout, stderr);
      resolve({ code, stdout, stderr });
    });
  });
}

/** The bin with these arguments, against the fake. */
export function runCliProcess(
  args: string[],
  fake: FakeHotjar | undefined,
  options: ProcessOptions = {},
): Promise<Run> {
  return runProcess(process.execPath, [bin, ...args], fake, options);
}

/** The "Resume with:" command a run printed. */
export function resumeCommand(run: Run): string | undefined {
  return /^Resume with: (.*)$/m.exec(run.stderr)?.[1];
}

/**
 * What each CLI test file shares: the built bin checked, a scratch folder, one fake Hotjar per
 * test (closed after it), and every secret and token the fakes issued, which no output may hold.
 */
export function cliFixture(prefix: string): {
  start(options?: FakeHotjarOptions): Promise<FakeHotjar>;
  dir(): string;
  /** The fake of the running test, if it started one. */
  current(): FakeHotjar | undefined;
  secretsSeen: string[];
} {
  const secretsSeen: string[] = [];
  let fake: FakeHotjar | undefined;
  let dir = '';
  const close = async () => {
    if (fake !== undefined) secretsSeen.push(fake.clientSecret, ...fake.issuedTokens);
    await fake?.close();
    fake = undefined;
  };
  beforeAll(() => {
    assertBuilt();
    dir = mkdtempSync(join(tmpdir(), prefix));
  });
  afterEach(close);
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  return {
    async start(options = {}) {
      await close();
      fake = await startFakeHotjar(options);
      return fake;
    },
    dir: () => dir,
    current: () => fake,
    secretsSeen,
  };
}
