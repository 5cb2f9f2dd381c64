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
 * True when the script is the package as installed (`node_modules/@hotjar-bridge/api`, or its bin
 * link): `npx @hotjar-bridge/api` then finds that same package again. From a clone it would not:
 * npx would fetch whatever the registry holds under that name and run it with the secret in its
 * environment.
 */
function installed(script: string): boolean {
  return /[\\/]node_modules[\\/](@hotjar-bridge[\\/]api|\.bin)[\\/]/.test(real(script) ?? script);
}

/**
 * The words that start this CLI again the way the user started it, for the printed resume command:
 * - `npx @hotjar-bridge/api` when the installed package was run through npx or `npm exec` (npm
 *   sets `npm_command=exec`), a package script (`npm_lifecycle_event`), or pnpm's or yarn's dlx
 *   (the script lives in their cache): there `hotjar-api` is not on the user's PATH;
 * - `hotjar-api` when that name on PATH is this very script;
 * - otherwise `node <the script's absolute path>`, as run from a clone or a bin folder.
 */
export function commandPrefix({ argv1, env }: Invocation): string {
  if (argv1 === undefined || argv1 === '') return PACKAGE_COMMAND;
  const script = resolve(argv1);
  const throughPackageManager =
    env.npm_command === 'exec' || env.npm_lifecycle_event !== undefined || /[\\/](_npx|dlx[^\\/]*)[\\/]/.test(script);
  if (throughPackageManager && installed(script)) return PACKAGE_COMMAND;
  const self = real(script);
  if (basename(script) === 'hotjar-api' && self !== undefined && onPath(env) === self) return 'hotjar-api';
  return `node ${shellQuote(script)}`;
}
