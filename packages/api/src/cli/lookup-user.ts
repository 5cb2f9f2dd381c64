import { createInterface } from 'node:readline';
import type { HotjarApi } from '../client';
import { type CliIo, EXIT_OK, EXIT_USAGE, UsageError, write } from './io';
import type { CliValues } from './run';

/** `lookup-user <organizationId> [--email E] [--user SITE:ID ...] [--delete] [--yes]` */
export async function lookupUserCommand(
  api: HotjarApi,
  operands: string[],
  values: CliValues,
  io: CliIo,
): Promise<number> {
  if (operands.length !== 1)
    throw new UsageError('lookup-user takes one organization id: hotjar-api lookup-user <organizationId> --email E');
  const organizationId = operands[0]!;
  const userIds: Record<string, string> = {};
  for (const pair of values.user ?? []) {
    const colon = pair.indexOf(':');
    if (colon <= 0 || colon === pair.length - 1)
      throw new UsageError(`--user must be SITE_ID:USER_ID (a site id and the user id sent to Hotjar), got "${pair}"`);
    userIds[pair.slice(0, colon)] = pair.slice(colon + 1);
  }
  const email = values.email;
  if (email === undefined && Object.keys(userIds).length === 0)
    throw new UsageError('lookup-user needs --email or --user SITE:ID (both when both are known, as Hotjar asks)');
  const remove = values.delete === true;
  const who = [
    ...(email === undefined ? [] : [email]),
    ...Object.entries(userIds).map(([site, id]) => `user ${id} on site ${site}`),
  ].join(', ');

  if (remove && values.yes !== true) {
    const answer = await ask(
      io,
      `Delete ALL data Hotjar holds on ${who} in organization ${organizationId}? This cannot be undone. Type "yes" to delete: `,
    );
    if (answer.trim().toLowerCase() !== 'yes') {
      io.stderr.write('Not confirmed; nothing was sent to Hotjar. (--yes skips this question.)\n');
      return EXIT_USAGE;
    }
  }

  const result = await api.lookupUser(organizationId, {
    email,
    userIds: Object.keys(userIds).length === 0 ? undefined : userIds,
    delete: remove,
  });
  io.stderr.write(
    remove
      ? `Hotjar accepted the request to delete the data of ${who}. Its answer:\n`
      : `Hotjar accepted the lookup of ${who}; it emails a link to a report of the data it holds. Its answer:\n`,
  );
  await write(io.stdout, `${JSON.stringify(result, null, 2)}\n`);
  return EXIT_OK;
}

/** Asks on stderr and reads one line from stdin; an empty answer when stdin closes first. */
function ask(io: CliIo, question: string): Promise<string> {
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
