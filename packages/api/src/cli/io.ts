import { createWriteStream } from 'node:fs';
import type { Readable, Writable } from 'node:stream';
import type { HotjarApiError } from '../errors';
import type { Output } from './output';
import { inert } from './terminal';

/** What the CLI touches outside itself, passed in so it can run on any streams. */
export interface CliIo {
  env: Record<string, string | undefined>;
  /** A deletion is confirmed on stdin only when it is a terminal. */
  stdin: Readable & { isTTY?: boolean };
  stdout: Writable & { isTTY?: boolean };
  stderr: Writable & { isTTY?: boolean };
  /** Where Ctrl-C arrives (the process); an export stops cleanly after the page it is writing. */
  signals?: {
    once(event: 'SIGINT', listener: () => void): unknown;
    off(event: 'SIGINT', listener: () => void): unknown;
  };
  /** process.argv[1], so a printed command starts the CLI as the user did. @default `npx @hotjar-bridge/api` */
  argv1?: string;
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

/** An answer of the right shape holding something the CLI cannot print or write: exit 1. */
export class UnexpectedAnswer extends Error {
  override name = 'UnexpectedAnswer';
}

/** What a value is, in words, without printing it: `null`, `an array`, `a string`. */
export function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' || typeof value === 'undefined' ? String(typeof value) : `a ${typeof value}`;
}

/** Whether a list item is an object, the only thing Hotjar's lists hold. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Writes a chunk and resolves once the stream has written it (for a file: the write to the file
 * completed), so memory stays flat whatever the export size, and a chunk that resolved is whole
 * in its destination. Rejects with the stream's error (a full disk, a file-size limit).
 */
export function write(stream: Output, chunk: string): Promise<void> {
  return new Promise((resolve, reject) => {
    // An error between two writes (the file could not be opened, the disk is full) is kept by the stream.
    if (stream.errored) return reject(stream.errored);
    if (chunk === '') return resolve();
    let settled = false;
    const settle = (error?: Error | null) => {
      if (settled) return;
      settled = true;
      stream.off('error', settle);
      if (error) reject(error);
      else resolve();
    };
    stream.once('error', settle);
    stream.write(chunk, settle);
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

const EXCERPT_CHARS = 300;

/**
 * An API error for stderr: its message; for a network error what the connection answered
 * (ECONNREFUSED, ENOTFOUND...); for an answer, its status and the start of its body. Every part
 * passes `clean` (the client's redaction) and then `inert`, so no secret and no control character
 * from the server reaches the terminal.
 */
export function apiErrorText(error: HotjarApiError, clean: (text: string) => string): string {
  const safe = (text: string) => inert(clean(text));
  let text = safe(error.message);
  if (error.cause instanceof Error) text += `\n  ${safe(error.cause.message)}`;
  if (error.body !== undefined && error.status !== 0) text += `\n  ${answerExcerpt(error.status, error.body, clean)}`;
  return `${text}\n`;
}

/**
 * `Hotjar answered HTTP 502 with: <the first 300 characters of the body, redacted and inert>`.
 * The body is redacted before it is cut: a cut through a secret would leave a part no redaction finds.
 */
export function answerExcerpt(status: number, body: string, clean: (text: string) => string): string {
  const redacted = clean(body).trim();
  if (redacted === '') return `Hotjar answered HTTP ${status} with an empty body.`;
  const chars = [...redacted];
  const cut = chars.length > EXCERPT_CHARS ? `${chars.slice(0, EXCERPT_CHARS).join('')}...` : redacted;
  return `Hotjar answered HTTP ${status} with: ${inert(cut)}`;
}
