#!/usr/bin/env node
import { runCli } from './cli/run';
import { inert } from './cli/terminal';

// A reader that stops early (`| head`) closes the pipe: that ends the output, it is not a failure.
// Any other error (a full disk) reaches the write that failed, which reports it with the resume
// command: it must not end the process here.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
});

runCli(process.argv.slice(2), {
  env: process.env,
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  signals: process,
  argv1: process.argv[1],
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `[hotjar-bridge] unexpected failure: ${inert(error instanceof Error ? error.message : String(error))}\n`,
    );
    process.exitCode = 1;
  },
);
