import { parseArgs } from 'node:util';
import { createHotjarApi, type HotjarApi } from '../client';
import { HotjarApiError } from '../errors';
import type { HotjarApiOptions } from '../options';
import { HELP } from './help';
import { commandPrefix } from './invocation';
import { apiErrorText, type CliIo, EXIT_API_ERROR, EXIT_OK, EXIT_USAGE, UnexpectedAnswer, UsageError } from './io';
import { lookupUserCommand } from './lookup-user';
import { type CommandIo, redactingIo } from './output';
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
  // Set once a request has gone out: from then on a failure is the API's or the output's, never usage.
  const state = { requested: false };
  let cio: CommandIo | undefined;
  try {
    api = clientFromEnv(io, values, (input, init) => {
      state.requested = true;
      return globalThis.fetch(input, init);
    });
    // From here on, everything a command writes passes the client's redaction.
    cio = redactingIo(io, api.redact);
    if (command === 'surveys') return await surveysCommand(api, operands, values, cio);
    if (command === 'responses') return await responsesCommand(api, operands, values, cio);
    return await lookupUserCommand(api, operands, values, cio);
  } catch (error) {
    if (error instanceof UsageError) return usage(io, error.message);
    if (api === undefined || cio === undefined) throw error;
    if (error instanceof HotjarApiError) {
      // Redacted before its body is cut to an excerpt, so that no part of a secret is left at the cut.
      cio.stderr.write(apiErrorText(error, api.redact));
      return EXIT_API_ERROR;
    }
    if (error instanceof UnexpectedAnswer) {
      cio.stderr.write(`[hotjar-bridge] unexpected-response: ${inert(error.message)}\n`);
      return EXIT_API_ERROR;
    }
    // The client's own argument checks (a site id that is not a number, a limit out of range),
    // which come before any request.
    if (!state.requested && (error instanceof TypeError || error instanceof RangeError))
      return usage(io, error.message);
    // Anything else after a request (an answer shaped to break the CLI): the API's failure.
    cio.stderr.write(`[hotjar-bridge] unexpected failure: ${inert(describeError(error))}\n`);
    return EXIT_API_ERROR;
  }
}

/** `RangeError: Maximum call stack size exceeded`, for an error the CLI did not expect. */
export function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
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

function clientFromEnv(io: CliIo, values: CliValues, fetch: typeof globalThis.fetch): HotjarApi {
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
    fetch,
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
