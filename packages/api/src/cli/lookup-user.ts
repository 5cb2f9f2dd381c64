import { createInterface } from 'node:readline';
import type { HotjarApi } from '../client';
import { HotjarApiError } from '../errors';
import { idSegment } from '../ids';
import { commandPrefix } from './invocation';
import { apiErrorText, EXIT_API_ERROR, EXIT_OK, EXIT_USAGE, UsageError, write } from './io';
import type { CommandIo } from './output';
import type { CliValues } from './run';
import { inert, inertJson, shellQuote } from './terminal';

/** `lookup-user <organizationId> [--email E] [--user SITE:ID ...] [--delete] [--yes]` */
export async function lookupUserCommand(
  api: HotjarApi,
  operands: string[],
  values: CliValues,
  io: CommandIo,
): Promise<number> {
  if (operands.length !== 1)
    throw new UsageError('lookup-user takes one organization id: hotjar-api lookup-user <organizationId> --email E');
  const organizationId = operands[0]!;
  const userIds = new Map<string, string>();
  for (const pair of values.user ?? []) {
    const colon = pair.indexOf(':');
    if (colon <= 0 || colon === pair.length - 1)
      throw new UsageError(`--user must be SITE_ID:USER_ID (a site id and the user id sent to Hotjar), got "${pair}"`);
    const site = idSegment('--user site id', pair.slice(0, colon));
    const user = pair.slice(colon + 1);
    const earlier = userIds.get(site);
    // Hotjar's map holds one user id per site: a second one would replace the first unseen.
    if (earlier !== undefined)
      throw new UsageError(
        `--user names site ${site} twice ("${earlier}" and "${user}"); Hotjar takes one user id per site: run the command once per user id`,
      );
    userIds.set(site, user);
  }
  const email = values.email;
  if (email === undefined && userIds.size === 0)
    throw new UsageError('lookup-user needs --email or --user SITE:ID (both when both are known, as Hotjar asks)');
  const remove = values.delete === true;
  const who = [
    ...(email === undefined ? [] : [email]),
    ...[...userIds].map(([site, id]) => `user ${id} on site ${site}`),
  ]
    .map(inert)
    .join(', ');

  if (remove && values.yes !== true) {
    // Piped or redirected input is never taken as a confirmation: a file or a script that happens
    // to hold "yes" must not delete anyone's data.
    if (io.stdin.isTTY !== true)
      throw new UsageError(
        'lookup-user --delete asks for confirmation on a terminal, and stdin is not one: pass --yes to delete without asking (nothing was read, nothing was sent to Hotjar)',
      );
    const answer = await ask(
      io,
      `Delete ALL data Hotjar holds on ${who} in organization ${organizationId}? This cannot be undone. Type "yes" to delete: `,
    );
    if (answer.trim().toLowerCase() !== 'yes') {
      io.stderr.write('Not confirmed; nothing was sent to Hotjar. (--yes skips this question.)\n');
      return EXIT_USAGE;
    }
  }

  let result: unknown;
  try {
    result = await api.lookupUser(organizationId, {
      email,
      userIds: userIds.size === 0 ? undefined : Object.fromEntries(userIds),
      delete: remove,
    });
  } catch (error) {
    if (!(error instanceof HotjarApiError) || !outcomeUnknown(error)) throw error;
    io.stderr.write(apiErrorText(error, api.redact));
    io.stderr.write(
      unknownOutcome(commandPrefix({ argv1: io.argv1, env: io.env }), remove, organizationId, email, userIds),
    );
    return EXIT_API_ERROR;
  }
  io.stderr.write(
    remove
      ? `Hotjar accepted the request to delete the data of ${who}. Its answer:\n`
      : `Hotjar accepted the lookup of ${who}; it emails a link to a report of the data it holds. Its answer:\n`,
  );
  await write(io.stdout, `${inertJson(result, 2)}\n`);
  return EXIT_OK;
}

/**
 * Whether Hotjar may have acted on a request that failed: the client says so (`outcome-unknown`),
 * no answer came (the connection dropped or timed out after the request may have arrived), a
 * 5xx, or a success whose body could not be read. A 4xx or a refused token means Hotjar did not act.
 */
function outcomeUnknown(error: HotjarApiError): boolean {
  if ((error.code as string) === 'outcome-unknown') return true;
  if (error.method !== 'POST' || error.path.endsWith('/oauth/token')) return false;
  return error.status === 0 || error.status >= 500 || (error.status >= 200 && error.status < 300);
}

function unknownOutcome(
  prefix: string,
  remove: boolean,
  organizationId: string,
  email: string | undefined,
  userIds: ReadonlyMap<string, string>,
): string {
  const what = remove ? 'deletion' : 'lookup';
  const check = [
    prefix,
    'lookup-user',
    organizationId,
    ...(email === undefined ? [] : [shellQuote(`--email=${email}`)]),
    ...[...userIds].map(([site, id]) => shellQuote(`--user=${site}:${id}`)),
  ].join(' ');
  return inert(
    `The ${what} request may have reached Hotjar: its outcome is unknown, and it was not sent again. ` +
      (remove
        ? `To check, ask for a report without --delete (${check}): Hotjar emails what it still holds. `
        : 'If no report arrives by email, send the lookup again. ') +
      "Hotjar's support can also tell whether the request arrived.",
  ).concat('\n');
}

/** Asks on stderr and reads one line from the terminal; an empty answer when stdin closes first. */
function ask(io: CommandIo, question: string): Promise<string> {
  io.stderr.write(question);
  const lines = createInterface({ input: io.stdin, terminal: false });
  return new Promise((resolve) => {
    let answered = false;
    lines.once('line', (line) => {
      answered = true;
      lines.close();
      resolve(line);
    });
    lines.once('close', () => {
      if (!answered) resolve('');
    });
  });
}
