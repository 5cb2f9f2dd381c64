import { parseArgs } from 'node:util';
import { createHotjarApi, type HotjarApi } from '../client';
import { HotjarApiError } from '../errors';
import { HELP } from './help';
import { apiErrorText, type CliIo, EXIT_API_ERROR, EXIT_OK, EXIT_USAGE, UsageError } from './io';
import { lookupUserCommand } from './lookup-user';
import { responsesCommand } from './responses';
import { surveysCommand } from './surveys';

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
} as const;

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
    if (name !== 'retries' && !allowed.includes(name)) return usage(io, `--${name} is not an option of ${command}`);
  }

  try {
    const api = clientFromEnv(io, values);
    if (command === 'surveys') return await surveysCommand(api, operands, values, io);
    if (command === 'responses') return await responsesCommand(api, operands, values, io);
    return await lookupUserCommand(api, operands, values, io);
  } catch (error) {
    if (error instanceof UsageError) return usage(io, error.message);
    if (error instanceof HotjarApiError) {
      io.stderr.write(apiErrorText(error));
      return EXIT_API_ERROR;
    }
    // The client's own argument checks (a site id that is not a number, a limit out of range).
    if (error instanceof TypeError || error instanceof RangeError) return usage(io, error.message);
    throw error;
  }
}

function usage(io: CliIo, message: string): number {
  io.stderr.write(`hotjar-api: ${message.replace(/^\[hotjar-bridge\] /, '')}\nRun "hotjar-api --help" for usage.\n`);
  return EXIT_USAGE;
}

function clientFromEnv(io: CliIo, values: CliValues): HotjarApi {
  const clientId = io.env.HOTJAR_CLIENT_ID;
  const clientSecret = io.env.HOTJAR_CLIENT_SECRET;
  const missing = [clientId ? undefined : 'HOTJAR_CLIENT_ID', clientSecret ? undefined : 'HOTJAR_CLIENT_SECRET'].filter(
    (name) => name !== undefined,
  );
  if (missing.length > 0)
    throw new UsageError(
      `set ${missing.join(' and ')} to your Hotjar API key's client id and secret (an organization admin makes keys in the Hotjar app)`,
    );
  const baseUrl = io.env.HOTJAR_API_URL || undefined;
  const retries = integerOption('retries', values.retries, 0, 20);
  try {
    return createHotjarApi({ clientId: clientId!, clientSecret: clientSecret!, baseUrl, retries });
  } catch (error) {
    // The client names its option; here the user set an environment variable.
    if (error instanceof TypeError && error.message.includes('baseUrl must'))
      throw new UsageError(`HOTJAR_API_URL must be an http(s) URL such as "https://api.hotjar.io", got "${baseUrl}"`);
    throw error;
  }
}
