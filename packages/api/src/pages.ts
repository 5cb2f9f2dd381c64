import type { ApiAnswer, Transport } from './transport';

/** One page of a list, with the cursors needed to resume an interrupted walk. */
export interface HotjarPage<T> {
  /** The items of this page. */
  results: T[];
  /** The cursor this page was fetched with; undefined for the first page. */
  cursor: string | undefined;
  /** The cursor of the next page, or null on the last page. Pass it as `cursor` to resume after this page. */
  nextCursor: string | null;
}

/** Every item of a list across all its pages, in Hotjar's order; `pages()` walks page by page. */
export interface HotjarPaged<T> extends AsyncIterable<T> {
  pages(): AsyncIterableIterator<HotjarPage<T>>;
}

// A walk ends as an unexpected response after this many empty pages in a row that each give a new
// cursor: Hotjar ends a list with a null next_cursor, so such a run is a server going nowhere.
export const MAX_EMPTY_PAGES = 20;
// A cursor travels in the query string, where servers refuse URLs of more than about 8 KB.
const MAX_CURSOR_LENGTH = 4096;
// How many of the last cursors a walk keeps to recognise a short loop at once (longer loops are
// found by the checkpoint in loopDetector).
const RECENT_CURSORS = 16;

/** Follows `next_cursor` from `startCursor` until Hotjar gives none. One page is held at a time. */
export function paged<T>(
  transport: Transport,
  path: string,
  query: Record<string, string | number | boolean | undefined>,
  startCursor: string | undefined,
): HotjarPaged<T> {
  async function* pages(): AsyncIterableIterator<HotjarPage<T>> {
    let cursor = startCursor;
    const loops = loopDetector(cursor);
    let emptyRun = 0;
    for (;;) {
      const answer = await transport.request({ method: 'GET', path, query: { ...query, cursor }, idempotent: true });
      const page = readPage<T>(transport, answer, cursor, loops);
      emptyRun = page.results.length === 0 && page.nextCursor !== null ? emptyRun + 1 : 0;
      if (emptyRun >= MAX_EMPTY_PAGES)
        throw transport.unexpected(
          'GET',
          answer,
          `${MAX_EMPTY_PAGES} empty pages in a row, each with a new next_cursor`,
        );
      yield page;
      if (page.nextCursor === null) return;
      cursor = page.nextCursor;
      loops.follow(cursor);
    }
  }
  return {
    pages,
    async *[Symbol.asyncIterator]() {
      for await (const page of pages()) yield* page.results;
    },
  };
}

/** What a page walk remembers of the cursors it followed, to end a walk that goes round in a loop. */
interface LoopDetector {
  /** Whether following this cursor would repeat pages already walked. */
  seen(cursor: string): boolean;
  follow(cursor: string): void;
}

/**
 * Remembers the last RECENT_CURSORS cursors (a loop of a few pages fails at once) and one
 * checkpoint cursor that moves to the current cursor after 1, 2, 4, 8... pages (Brent's cycle
 * detection): a loop of any length fails within about twice its length plus the pages before it,
 * while memory stays a fixed number of cursors however long the walk.
 */
function loopDetector(start: string | undefined): LoopDetector {
  const recent: string[] = start === undefined ? [] : [start];
  let checkpoint = start;
  let sinceCheckpoint = 0;
  let stride = 1;
  return {
    seen: (cursor) => cursor === checkpoint || recent.includes(cursor),
    follow(cursor) {
      recent.push(cursor);
      if (recent.length > RECENT_CURSORS) recent.shift();
      sinceCheckpoint += 1;
      if (sinceCheckpoint === stride) {
        checkpoint = cursor;
        sinceCheckpoint = 0;
        stride *= 2;
      }
    },
  };
}

function readPage<T>(
  transport: Transport,
  answer: ApiAnswer,
  cursor: string | undefined,
  followed: LoopDetector,
): HotjarPage<T> {
  const data = answer.data as { results?: unknown; next_cursor?: unknown } | null;
  if (data === null || typeof data !== 'object' || !Array.isArray(data.results))
    throw transport.unexpected('GET', answer, 'a page without a results list');
  const next = data.next_cursor;
  if (next !== undefined && next !== null && typeof next !== 'string')
    throw transport.unexpected('GET', answer, 'a next_cursor that is not a string');
  if (typeof next === 'string' && next.length > MAX_CURSOR_LENGTH)
    throw transport.unexpected('GET', answer, `a next_cursor of more than ${MAX_CURSOR_LENGTH} characters`);
  if (typeof next === 'string' && next !== '' && followed.seen(next))
    throw transport.unexpected(
      'GET',
      answer,
      next === cursor ? 'a next_cursor equal to the cursor of the same page' : 'a next_cursor already followed',
    );
  const nextCursor = typeof next === 'string' && next !== '' ? next : null;
  return { results: data.results as T[], cursor, nextCursor };
}
