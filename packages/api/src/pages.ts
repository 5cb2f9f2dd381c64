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

/** Follows `next_cursor` from `startCursor` until Hotjar gives none. One page is held at a time. */
export function paged<T>(
  transport: Transport,
  path: string,
  query: Record<string, string | number | boolean | undefined>,
  startCursor: string | undefined,
): HotjarPaged<T> {
  async function* pages(): AsyncIterableIterator<HotjarPage<T>> {
    let cursor = startCursor;
    // Every cursor followed so far (one short string a page): a cursor that comes back, even
    // pages later, would walk the same pages forever.
    const followed = new Set<string>(cursor === undefined ? [] : [cursor]);
    let emptyRun = 0;
    for (;;) {
      const answer = await transport.request({ method: 'GET', path, query: { ...query, cursor }, idempotent: true });
      const page = readPage<T>(transport, answer, cursor, followed);
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
      followed.add(cursor);
    }
  }
  return {
    pages,
    async *[Symbol.asyncIterator]() {
      for await (const page of pages()) yield* page.results;
    },
  };
}

function readPage<T>(
  transport: Transport,
  answer: ApiAnswer,
  cursor: string | undefined,
  followed: ReadonlySet<string>,
): HotjarPage<T> {
  const data = answer.data as { results?: unknown; next_cursor?: unknown } | null;
  if (data === null || typeof data !== 'object' || !Array.isArray(data.results))
    throw transport.unexpected('GET', answer, 'a page without a results list');
  const next = data.next_cursor;
  if (next !== undefined && next !== null && typeof next !== 'string')
    throw transport.unexpected('GET', answer, 'a next_cursor that is not a string');
  if (typeof next === 'string' && next.length > MAX_CURSOR_LENGTH)
    throw transport.unexpected('GET', answer, `a next_cursor of more than ${MAX_CURSOR_LENGTH} characters`);
  if (typeof next === 'string' && next !== '' && followed.has(next))
    throw transport.unexpected(
      'GET',
      answer,
      next === cursor ? 'a next_cursor equal to the cursor of the same page' : 'a next_cursor already followed',
    );
  const nextCursor = typeof next === 'string' && next !== '' ? next : null;
  return { results: data.results as T[], cursor, nextCursor };
}
