import type { Writable } from 'node:stream';
import type { CliIo } from './io';
import { openFile } from './io';

/**
 * Where a command writes: stdout, stderr or an --out file. Every chunk passes the client's
 * `redact()` on its way, so no text a command builds (data, headers, cursors, messages) can carry
 * the secret or a token out, whichever field it came from.
 */
export interface Output {
  readonly isTTY: boolean;
  /** The destination's error once it has failed (a full disk), as a stream keeps it. */
  readonly errored: Error | null;
  /** Writes `text` redacted; `callback` runs once the destination has taken it (or failed). */
  write(text: string, callback?: (error?: Error | null) => void): boolean;
  once(event: 'error', listener: (error: Error) => void): unknown;
  off(event: 'error', listener: (error: Error) => void): unknown;
  /** Bytes the destination has taken, after redaction (for an --out file: its size past where it started). */
  readonly written: number;
}

class RedactingOutput implements Output {
  written = 0;
  constructor(
    readonly stream: Writable & { isTTY?: boolean },
    private readonly redact: (text: string) => string,
  ) {}
  get isTTY(): boolean {
    return this.stream.isTTY === true;
  }
  get errored(): Error | null {
    return this.stream.errored;
  }
  write(text: string, callback?: (error?: Error | null) => void): boolean {
    const redacted = this.redact(text);
    return this.stream.write(redacted, (error?: Error | null) => {
      if (!error) this.written += Buffer.byteLength(redacted);
      callback?.(error);
    });
  }
  once(event: 'error', listener: (error: Error) => void): unknown {
    return this.stream.once(event, listener);
  }
  off(event: 'error', listener: (error: Error) => void): unknown {
    return this.stream.off(event, listener);
  }
}

/** An --out file, opened for writing through redaction. */
export interface FileOutput extends Output {
  close(): Promise<void>;
}

/** What commands get in place of the raw streams: the same io, every writer redacting. */
export interface CommandIo extends Omit<CliIo, 'stdout' | 'stderr'> {
  stdout: Output;
  stderr: Output;
  /** Opens an --out file (before anything is fetched, so a bad path fails first). */
  openFile(path: string, append: boolean): Promise<FileOutput>;
}

export function redactingIo(io: CliIo, redact: (text: string) => string): CommandIo {
  return {
    ...io,
    stdout: new RedactingOutput(io.stdout, redact),
    stderr: new RedactingOutput(io.stderr, redact),
    async openFile(path, append) {
      const stream = await openFile(path, append);
      const output = new RedactingOutput(stream, redact);
      return Object.assign(output, {
        close: () =>
          new Promise<void>((resolve, reject) => {
            stream.end((error?: Error | null) => (error ? reject(error) : resolve()));
          }),
      });
    },
  };
}
