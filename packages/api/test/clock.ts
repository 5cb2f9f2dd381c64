/**
 * A clock that only moves when the client sleeps or the test advances it, so no test waits in
 * real time. `timeoutSignal` makes signals that this clock aborts once it passes their time, for
 * the client's `timeoutSignal` option.
 */
export function fakeClock(start = Date.UTC(2026, 0, 1)) {
  let time = start;
  const sleeps: number[] = [];
  const timers: Array<{ at: number; controller: AbortController }> = [];
  const fire = () => {
    for (const timer of timers.filter((t) => t.at <= time)) {
      timers.splice(timers.indexOf(timer), 1);
      timer.controller.abort(new DOMException('The operation timed out.', 'TimeoutError'));
    }
  };
  return {
    sleeps,
    now: () => time,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      time += ms;
      fire();
    },
    advance: (ms: number) => {
      time += ms;
      fire();
    },
    timeoutSignal: (ms: number): AbortSignal => {
      const controller = new AbortController();
      timers.push({ at: time + ms, controller });
      return controller.signal;
    },
  };
}
