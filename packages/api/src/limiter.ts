const WINDOW_MS = 60_000;

/** Holds requests back so that no 60-second window has more than `max` of them. */
export interface RateLimiter {
  /** Resolves when a request may start, and counts it. */
  take(): Promise<void>;
}

/**
 * A sliding window over the start times of the last `max` requests. Bursts up to `max` go at
 * once (an export of a few hundred pages is not slowed down at all); past that, a request waits
 * until the oldest one in the window is a minute old. Callers are served in order.
 */
export function createRateLimiter(max: number, now: () => number, sleep: (ms: number) => Promise<void>): RateLimiter {
  const starts: number[] = [];
  let queue: Promise<void> = Promise.resolve();

  async function admit(): Promise<void> {
    for (;;) {
      const time = now();
      while (starts.length > 0 && starts[0]! <= time - WINDOW_MS) starts.shift();
      if (starts.length < max) {
        starts.push(time);
        return;
      }
      await sleep(starts[0]! + WINDOW_MS - time);
    }
  }

  return {
    take() {
      const turn = queue.then(admit);
      queue = turn;
      return turn;
    },
  };
}
