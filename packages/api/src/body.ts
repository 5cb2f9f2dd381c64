/** Why reading an answer stopped before its end. */
export class BodyLimitError extends Error {
  constructor(readonly bytes: number) {
    super(`the body passed ${bytes} bytes`);
  }
}

/** Thrown when an attempt passes `timeoutMs`, by the timer's signal or by the clock between chunks. */
export class TimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`no complete answer within ${timeoutMs} ms`);
    this.name = 'TimeoutError';
  }
}

/**
 * The time limit of one attempt, headers and body together. Two things end it: the signal
 * (a real timer by default, which also ends a connection that sends nothing at all) and the
 * client's clock, checked at every chunk (so a simulated clock ends a trickle as a real one does).
 */
export interface AttemptTimer {
  signal: AbortSignal;
  /** Throws a TimeoutError once the time is up. */
  check(): void;
  /** The promise, or a TimeoutError as soon as the signal fires (a fetch may ignore the signal). */
  race<T>(promise: Promise<T>): Promise<T>;
}

export function attemptTimer(timeoutMs: number, signal: AbortSignal, now: () => number): AttemptTimer {
  const deadline = now() + timeoutMs;
  const check = (): void => {
    if (signal.aborted || now() >= deadline) throw new TimeoutError(timeoutMs);
  };
  return {
    signal,
    check,
    race(promise) {
      return new Promise((resolve, reject) => {
        const onAbort = () => reject(new TimeoutError(timeoutMs));
        if (signal.aborted) onAbort();
        signal.addEventListener('abort', onAbort, { once: true });
        promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
      });
    },
  };
}

/** What was read of a body. */
export interface BodyText {
  text: string;
  /** true when reading stopped at the limit and the body goes on. */
  cut: boolean;
}

/**
 * Reads a body as UTF-8 text, chunk by chunk, never more than `limit` bytes. Past the limit it
 * throws a BodyLimitError (`overLimit: 'fail'`) or returns what it read (`'cut'`, for the
 * excerpt an error shows). The stream is cancelled whenever reading stops early.
 */
export async function readBody(
  response: Response,
  limit: number,
  overLimit: 'fail' | 'cut',
  timer: AttemptTimer,
): Promise<BodyText> {
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (overLimit === 'fail' && Number.isFinite(declared) && declared > limit) {
    discard(response);
    throw new BodyLimitError(declared);
  }
  if (response.body === null) return { text: '', cut: false };
  if (typeof response.body.getReader !== 'function') return readWhole(response, limit, overLimit, timer);
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let bytes = 0;
  try {
    for (;;) {
      const { done, value } = await timer.race(reader.read());
      timer.check();
      if (done) return { text: text + decoder.decode(), cut: false };
      bytes += value.byteLength;
      if (bytes > limit) {
        if (overLimit === 'fail') throw new BodyLimitError(bytes);
        text += decoder.decode(value.subarray(0, value.byteLength - (bytes - limit)));
        return { text, cut: true };
      }
      text += decoder.decode(value, { stream: true });
    }
  } finally {
    // After the end this does nothing; before it, it closes a body that may never end.
    reader.cancel().catch(() => undefined);
  }
}

/**
 * For a fetch whose body is no web stream (node-fetch 2 gives a Node stream): the body is read
 * whole, within the time limit, and the size limit is applied to what was read.
 */
async function readWhole(
  response: Response,
  limit: number,
  overLimit: 'fail' | 'cut',
  timer: AttemptTimer,
): Promise<BodyText> {
  const text = await timer.race(response.text());
  timer.check();
  const bytes = new TextEncoder().encode(text);
  if (bytes.length <= limit) return { text, cut: false };
  if (overLimit === 'fail') throw new BodyLimitError(bytes.length);
  return { text: new TextDecoder().decode(bytes.subarray(0, limit)), cut: true };
}

/** Drops a body that is not read, without waiting for a server that may never end it. */
export function discard(response: Response): void {
  const body = response.body as (ReadableStream<Uint8Array> & { destroy?: () => void }) | null;
  if (body === null) return;
  if (typeof body.cancel === 'function') body.cancel().catch(() => undefined);
  else body.destroy?.();
}
