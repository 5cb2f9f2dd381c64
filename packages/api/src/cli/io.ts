import { createWriteStream } from 'node:fs';
import type { Readable, Writable } from 'node:stream';
import type { HotjarApiError } from '../errors';

/** What the CLI touches outside itself, passed in so it can run on any streams. */
export interface CliIo {
  env: Record<string, string | undefined>;
  stdin: Readable;
  stdout: Writable & { isTTY?: boolean };
  stderr: Writable & { isTTY?: boolean };
  /** Where Ctrl-C arrives (the process); an export stops cleanly after the page it is writing. */
  signals?: {
    once(event: 'SIGINT', listener: () => void): unknown;
    off(event: 'SIGINT', listener: () => void): unknown;
  };
}

/** Exit codes: 0 ok, 1 the API (or the output file) failed, 2 bad usage. */
export const EXIT_OK = 0;
export const EXIT_API_ERROR = 1;
export const EXIT_USAGE = 2;
/** An export stopped by Ctrl-C, after writing its last whole page (128 + SIGINT, as shells report it). */
export const EXIT_INTERRUPTED = 130;

/** A mistake in the command line: exit 2 with this message. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Writes a chunk and waits while the stream's buffer is full, so memory stays flat whatever the export size. */
export function write(stream: Writable, chunk: string): Promise<void> {
  return new Promise((resolve, reject) => {
    // An error between two writes (the file could not be opened, the disk is full) is kept by the stream.
    if (stream.errored) return reject(stream.errored);
    const onError = (error: Error) => reject(error);
    stream.once('error', onError);
    const done = () => {
      stream.off('error', onError);
      resolve();
    };
    if (stream.write(chunk)) done();
    else stream.once('drain', done);
  });
}

/** A file to write to, opened before anything is fetched, so a bad path fails first. */
export function openFile(path: string, append: boolean): Promise<Writable> {
  return new Promise((resolve, reject) => {
    const stream = createWriteStream(path, { flags: append ? 'a' : 'w' });
    stream.once('open', () => {
      stream.off('error', reject);
      // Kept in stream.errored and reported by the next write().
      stream.on('error', () => undefined);
      resolve(stream);
    });
    stream.once('error', reject);
  });
}

/** An API error for stderr: its message, and for a network error what the connection answered (ECONNREFUSED, ENOTFOUND...). */
export function apiErrorText(error: HotjarApiError): string {
  const cause = error.cause instanceof Error ? `\n  ${error.cause.message}` : '';
  return `${error.message}${cause}\n`;
}
