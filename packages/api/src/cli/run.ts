import { parseArgs } from 'node:util';
import { createHotjarApi, type HotjarApi } from '../client';
import { HotjarApiError } from '../errors';
import type { HotjarApiOptions } from '../options';
import { HELP } from './help';
import { commandPrefix } from './invocation';
import { apiErrorText, type CliIo, EXIT_API_ERROR, EXIT_OK, EXIT_USAGE, UnexpectedAnswer, UsageError } from './io';
import { lookupUserCommand } from './lookup-user';
import { responsesCommand } from './responses';
import { surveysCommand } from './surveys';
import { inert } from './terminal';

const OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  json: { type: 'boolean' },
  format: { type: 'string' },
  out: { type: 'string' },
  cursor: { type: 'string' },
  limit: { type: 'string' },
  email: { type: 'string' },
  user: { type: 'string', multiple: true },
  delete: { type: 'boolean' },
  yes: { type: 'boolean' },
  retries: { type: 'string' },
  timeout: { type: 'string' },
} as const;
const COMMON: ReadonlyArray<keyof typeof OPTIONS> = ['retries', 'timeout'];

export type CliValues = ReturnType<typeof parse>['values'];

const ALLOWED: Record<string, ReadonlyArray<keyof typeof OPTIONS>> = {
  surveys: ['json'],
  responses: ['format', 'out', 'cursor', 'limit'],
  'lookup-user': ['email', 'user', 'delete', 'yes'],
};

function parse(args: string[]) {
  return parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true });
}

/** A whole number from an option's text, or a usage error naming the option. */
export function integerOption(name: string, text: string | undefined, min: number, max: number): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || value > max)
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, got "${text}"`);
  return value;
}

/** Runs one command line; resolves with the exit code. Never rejects for a usage or API error. */
export async function runCli(args: string[], io: CliIo): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(args);
  } catch (error) {
    return usage(io, error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  const [command, ...operands] = positionals;
  if (values.help === true || command === 'help') {
    io.stdout.write(HELP);
    return EXIT_OK;
  }
  if (command === undefined) return usage(io, 'no command given');
  const allowed = ALLOWED[command];
  if (allowed === undefined) return usage(io, `unknown command "${command}"`);
  for (const name of Object.keys(values) as Array<keyof typeof OPTIONS>) {
    if (!COMMON.includes(name) && !allowed.includes(name)) return usage(io, `--${name} is not an option of ${command}`);
  }

  let api: HotjarApi | undefined;
  try {
    api = clientFromEnv(io, values);
    if (command === 'surveys') return await surveysCommand(api, operands, values, io);
    if (command === 'responses') return await responsesCommand(api, operands, values, io);
    return await lookupUserCommand(api, operands, values, io);
  } catch (error) {
    if (error instanceof UsageError) return usage(io, error.message);
    const clean = (text: string) => api?.redact(text) ?? text;
    if (error instanceof HotjarApiError) {
      io.stderr.write(apiErrorText(error, clean));
      return EXIT_API_ERROR;
    }
    if (error instanceof UnexpectedAnswer) {
      io.stderr.write(`[hotjar-bridge] unexpected-response: ${inert(clean(error.message))}\n`);
      return EXIT_API_ERROR;
    }
    // The client's own argument checks (a site id that is not a number, a limit out of range).
    if (error instanceof TypeError || error instanceof RangeError) return usage(io, error.message);
    throw error;
  }
}

function usage(io: CliIo, message: string): number {
  // The message may quote what was typed: shown inert, as everything else.
  const help = `${commandPrefix({ argv1: io.argv1, env: io.env })} --help`;
  io.stderr.write(`hotjar-api: ${inert(message.replace(/^\[hotjar-bridge\] /, ''))}\nRun "${help}" for usage.\n`);
  return EXIT_USAGE;
}

/** Seconds from an option's text (decimals allowed), or a usage error naming the option. */
function secondsOption(name: string, text: string | undefined, max: number): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!/^\d+(\.\d+)?$/.test(text) || value < 0.001 || value > max)
    throw new UsageError(`--${name} must be a number of seconds from 0.001 to ${max}, got "${text}"`);
  return value;
}

const MAX_TIMEOUT_SECONDS = 3600;

function clientFromEnv(io: CliIo, values: CliValues): HotjarApi {
  // A value copied from a dashboard or a Windows file may carry spaces or a CR: no key has them.
  const clientId = io.env.HOTJAR_CLIENT_ID?.trim();
  const clientSecret = io.env.HOTJAR_CLIENT_SECRET?.trim();
  const missing = [
    ...(clientId ? [] : [['HOTJAR_CLIENT_ID', 'client id']]),
    ...(clientSecret ? [] : [['HOTJAR_CLIENT_SECRET', 'client secret']]),
  ];
  if (missing.length > 0)
    throw new UsageError(
      `set ${missing.map(([name]) => name).join(' and ')} to your Hotjar API key's ${missing.map(([, what]) => what).join(' and ')} (an organization admin makes keys in the Hotjar app)`,
    );
  const baseUrl = io.env.HOTJAR_API_URL?.trim() || undefined;
  const retries = integerOption('retries', values.retries, 0, 20);
  const timeout = secondsOption('timeout', values.timeout, MAX_TIMEOUT_SECONDS);
  // timeoutMs bounds each request, headers and body.
  const options: HotjarApiOptions & { timeoutMs?: number } = {
    clientId: clientId!,
    clientSecret: clientSecret!,
    baseUrl,
    retries,
    ...(timeout === undefined ? {} : { timeoutMs: Math.round(timeout * 1000) }),
  };
  try {
    return createHotjarApi(options);
  } catch (error) {
    // The client names its option; here the user set an environment variable.
    // (in the client's words, which never show a password the URL holds)
    if (error instanceof TypeError && /\bbaseUrl\b/.test(error.message))
      throw new UsageError(error.message.replace(/\bbaseUrl\b/g, 'HOTJAR_API_URL'));
    throw error;
  }
}
