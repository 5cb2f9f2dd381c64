import { existsSync, realpathSync } from 'node:fs';
import { basename, delimiter, isAbsolute, join, resolve } from 'node:path';
import { shellQuote } from './terminal';

/** How this process was started, as far as a printed command needs to know. */
export interface Invocation {
  /** process.argv[1]: the script node runs (a bin link, or the file itself). */
  argv1: string | undefined;
  env: Record<string, string | undefined>;
}

const PACKAGE_COMMAND = 'npx @hotjar-bridge/api';

function real(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}

/** The first `hotjar-api` on PATH, resolved through links. */
function onPath(env: Record<string, string | undefined>): string | undefined {
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (dir === '' || !isAbsolute(dir)) continue;
    const candidate = join(dir, 'hotjar-api');
    if (existsSync(candidate)) return real(candidate);
  }
  return undefined;
}

/**
 * The words that start this CLI again the way the user started it, for the printed resume command:
 * - `npx @hotjar-bridge/api` when run through npx or `npm exec` (npm sets `npm_command=exec`),
 *   an npm/pnpm/yarn script (`npm_lifecycle_event`), or pnpm's or yarn's dlx (the script lives in
 *   their cache): there `hotjar-api` is not on the user's PATH;
 * - `hotjar-api` when that name on PATH is this very script;
 * - otherwise `node <the script's absolute path>`, as run from a clone or a bin folder.
 */
export function commandPrefix({ argv1, env }: Invocation): string {
  if (env.npm_command === 'exec' || env.npm_lifecycle_event !== undefined) return PACKAGE_COMMAND;
  if (argv1 === undefined || argv1 === '') return PACKAGE_COMMAND;
  const script = resolve(argv1);
  if (/[\\/](_npx|dlx[^\\/]*)[\\/]/.test(script)) return PACKAGE_COMMAND;
  const self = real(script);
  if (basename(script) === 'hotjar-api' && self !== undefined && onPath(env) === self) return 'hotjar-api';
  return `node ${shellQuote(script)}`;
}
