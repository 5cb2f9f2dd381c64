import { existsSync, statSync } from 'node:fs';
import { rename } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import type { HotjarApi } from '../client';
import { HotjarApiError } from '../errors';
import type { HotjarSurveyQuestion } from '../types';
import { csvLayout, toCsv } from './csv';
import { apiErrorText, type CliIo, EXIT_API_ERROR, EXIT_INTERRUPTED, EXIT_OK, openFile, UsageError, write } from './io';
import type { CliValues } from './run';
import { integerOption } from './run';

/** `responses <siteId> <surveyId> [--format ndjson|csv] [--out FILE] [--cursor C] [--limit N]` */
export async function responsesCommand(
  api: HotjarApi,
  operands: string[],
  values: CliValues,
  io: CliIo,
): Promise<number> {
  if (operands.length !== 2)
    throw new UsageError('responses takes a site id and a survey id: hotjar-api responses <siteId> <surveyId>');
  const [siteId, surveyId] = operands as [string, string];
  const format = values.format ?? 'ndjson';
  if (format !== 'ndjson' && format !== 'csv') throw new UsageError(`--format must be ndjson or csv, got "${format}"`);
  const limit = integerOption('limit', values.limit, 1, 100);
  const startCursor = values.cursor;
  if (startCursor === '') throw new UsageError('--cursor needs the cursor a failed export printed');
  // Checked before anything is written, so a bad id or limit leaves no file behind.
  const pages = api.responses(siteId, surveyId, { limit, cursor: startCursor }).pages();
  const layout = format === 'csv' ? csvLayout(await questionsOf(api, siteId, surveyId)) : undefined;

  const out = values.out;
  const partial = out === undefined ? undefined : `${out}.partial`;
  // Resuming appends to the partial file the failed run left; a new export starts it afresh.
  const append = partial !== undefined && startCursor !== undefined && existsSync(partial);
  let target: Writable = io.stdout;
  if (partial !== undefined) {
    try {
      target = await openFile(partial, append);
    } catch (error) {
      io.stderr.write(`[hotjar-bridge] cannot write ${partial}: ${(error as Error).message}\n`);
      return EXIT_API_ERROR;
    }
  }
  const continuing = out === undefined ? startCursor !== undefined : append && statSync(partial!).size > 0;
  const progress = createProgress(io);

  let resumeCursor = startCursor;
  let responses = 0;
  let pageCount = 0;
  let unplaced = 0;
  // Ctrl-C lets the page being fetched or written finish, so the file ends on a whole page and
  // the printed cursor is exact; a second Ctrl-C stops at once.
  let interrupted = false;
  const onInterrupt = () => {
    interrupted = true;
    progress.end();
    io.stderr.write('Stopping after the current page (Ctrl-C again stops at once).\n');
  };
  io.signals?.once('SIGINT', onInterrupt);
  const hint = () =>
    resumeHint({ siteId, surveyId, format, out, partial, resumeCursor, responses, more: continuing, limit });
  try {
    if (layout !== undefined && !continuing) await write(target, toCsv([layout.header]));
    for await (const page of pages) {
      let chunk: string;
      if (layout === undefined) {
        chunk = page.results.map((response) => `${JSON.stringify(response)}\n`).join('');
      } else {
        const rows = page.results.map((response) => {
          const row = layout.row(response);
          unplaced += row.unplaced;
          return row.cells;
        });
        chunk = rows.length === 0 ? '' : toCsv(rows);
      }
      await write(target, chunk);
      responses += page.results.length;
      pageCount += 1;
      // Only once the page is written does its next cursor become the place to resume from.
      resumeCursor = page.nextCursor ?? undefined;
      progress.update(responses, pageCount);
      if (interrupted && page.nextCursor !== null) break;
    }
  } catch (error) {
    progress.end();
    if (partial !== undefined) await close(target).catch(() => undefined);
    if (error instanceof HotjarApiError) io.stderr.write(apiErrorText(error));
    else if (isSystemError(error))
      io.stderr.write(`[hotjar-bridge] cannot write ${partial ?? 'to stdout'}: ${error.message}\n`);
    else throw error;
    io.stderr.write(hint());
    return EXIT_API_ERROR;
  } finally {
    io.signals?.off('SIGINT', onInterrupt);
  }
  progress.end();
  if (interrupted && resumeCursor !== undefined) {
    if (partial !== undefined) await close(target);
    io.stderr.write(`Interrupted. ${hint()}`);
    return EXIT_INTERRUPTED;
  }
  if (partial !== undefined) {
    await close(target);
    await rename(partial, out!);
  }
  const where = out === undefined ? '' : ` to ${out}`;
  // A resumed run counts what it added to the earlier run's output.
  io.stderr.write(`${responses} ${continuing ? 'more ' : ''}responses in ${pageCount} pages written${where}.\n`);
  if (unplaced > 0)
    io.stderr.write(
      `${unplaced} answers were to questions the survey no longer lists and have no CSV column; --format ndjson keeps them.\n`,
    );
  return EXIT_OK;
}

async function questionsOf(api: HotjarApi, siteId: string, surveyId: string): Promise<HotjarSurveyQuestion[]> {
  const survey = await api.survey(siteId, surveyId);
  if (Array.isArray(survey.questions)) return survey.questions;
  // Hotjar's single-survey answer may come without questions; the list has them on request.
  for await (const listed of api.surveys(siteId, { withQuestions: true })) {
    if (String(listed.id) === String(surveyId) && Array.isArray(listed.questions)) return listed.questions;
  }
  return [];
}

/** An error from the file system or a stream (it has a code such as ENOENT or ENOSPC). */
function isSystemError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string';
}

function close(stream: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.end((error?: Error | null) => (error ? reject(error) : resolve()));
  });
}

function resumeHint(state: {
  siteId: string;
  surveyId: string;
  format: string;
  out: string | undefined;
  partial: string | undefined;
  resumeCursor: string | undefined;
  responses: number;
  /** Whether this run added to an earlier run's output. */
  more: boolean;
  limit: number | undefined;
}): string {
  const count = `${state.responses} ${state.more ? 'more ' : ''}responses were written`;
  const kept = state.partial === undefined ? `${count}.` : `${count} to ${state.partial}, which is kept.`;
  if (state.resumeCursor === undefined) return `${kept} Nothing to resume from: run the same command again.\n`;
  const args = [
    'hotjar-api responses',
    state.siteId,
    state.surveyId,
    `--format ${state.format}`,
    ...(state.out === undefined ? [] : [`--out ${JSON.stringify(state.out)}`]),
    ...(state.limit === undefined ? [] : [`--limit ${state.limit}`]),
    `--cursor ${JSON.stringify(state.resumeCursor)}`,
  ];
  return `${kept}\nResume cursor: ${state.resumeCursor}\nResume with: ${args.join(' ')}\n`;
}

/** A progress line on stderr, only when stderr is a terminal. */
function createProgress(io: CliIo): { update(responses: number, pages: number): void; end(): void } {
  if (io.stderr.isTTY !== true) return { update() {}, end() {} };
  const started = Date.now();
  let shown = false;
  return {
    update(responses, pages) {
      const seconds = Math.max((Date.now() - started) / 1000, 0.001);
      io.stderr.write(`\r${responses} responses, ${pages} pages, ${Math.round(responses / seconds)} responses/s`);
      shown = true;
    },
    end() {
      if (shown) io.stderr.write('\n');
      shown = false;
    },
  };
}
