import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { rename, truncate } from 'node:fs/promises';
import type { HotjarApi } from '../client';
import { HotjarApiError } from '../errors';
import type { HotjarSurveyQuestion, HotjarSurveyResponse } from '../types';
import { csvLayout, toCsv } from './csv';
import { commandPrefix } from './invocation';
import {
  apiErrorText,
  EXIT_API_ERROR,
  EXIT_INTERRUPTED,
  EXIT_OK,
  isRecord,
  kindOf,
  UnexpectedAnswer,
  UsageError,
  write,
} from './io';
import type { CommandIo, FileOutput, Output } from './output';
import type { CliValues } from './run';
import { describeError, integerOption } from './run';
import { hasControl, inert, inertJson, inertLines, shellQuote } from './terminal';

// Hotjar's cursors are a few dozen characters. A longer one would make the printed resume
// command unreadable, or longer than a shell takes.
const MAX_CURSOR_LENGTH = 4096;

/** `responses <siteId> <surveyId> [--format ndjson|csv] [--out FILE] [--cursor C] [--limit N]` */
export async function responsesCommand(
  api: HotjarApi,
  operands: string[],
  values: CliValues,
  io: CommandIo,
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

  const out = values.out;
  if (out === '') throw new UsageError('--out needs the name of the file to write, such as responses.csv');
  const partial = out === undefined ? undefined : `${out}.partial`;
  // Checked before anything is fetched. The export ends by renaming FILE.partial over FILE: only
  // a regular file may be replaced (never a device such as /dev/null, a FIFO or a socket).
  if (out !== undefined && existsSync(out)) {
    if (statSync(out).isDirectory())
      throw new UsageError(`--out ${out} is a directory: name the file to write, such as ${out}/responses.${format}`);
    refuseSpecial('--out', out);
  }
  if (partial !== undefined && existsSync(partial)) refuseSpecial('--out', partial);
  // A resume continues the partial file its failed run left. Without one, the cursor is from an
  // export that has since completed (or from elsewhere): appending its tail would replace the
  // complete file with a fragment.
  if (partial !== undefined && startCursor !== undefined && !existsSync(partial))
    throw new UsageError(
      `--cursor continues ${partial}, which does not exist: if that export completed, ${out} holds it; otherwise start again without --cursor`,
    );
  // A failed run prints a cursor only after a whole page: an empty partial file has none, and the
  // cursor did not come from it.
  if (partial !== undefined && startCursor !== undefined && statSync(partial).size === 0)
    throw new UsageError(
      `--cursor continues ${partial}, which is empty: no page of that export was written, so start again without --cursor`,
    );
  const layout = format === 'csv' ? csvLayout(await questionsOf(api, siteId, surveyId)) : undefined;

  const append = partial !== undefined && startCursor !== undefined;
  const startSize = append ? statSync(partial!).size : 0;
  // The rows a resume appends must fall under the columns the partial file's header names.
  if (layout !== undefined && append && startSize > 0) {
    const mismatch = headerMismatch(partial!, api.redact(toCsv([layout.header])));
    if (mismatch !== undefined) {
      io.stderr.write(
        `[hotjar-bridge] cannot resume into ${inert(partial!)}: ${mismatch}, so the rows this run adds would fall under the wrong columns. The survey's questions changed since that export started: start again without --cursor (the partial file is left as it is).\n`,
      );
      return EXIT_API_ERROR;
    }
  }
  let file: FileOutput | undefined;
  if (partial !== undefined) {
    try {
      file = await io.openFile(partial, append);
    } catch (error) {
      io.stderr.write(`[hotjar-bridge] cannot write ${inert(partial)}: ${inert((error as Error).message)}\n`);
      return EXIT_API_ERROR;
    }
  }
  const target: Output = file ?? io.stdout;
  // Bytes of the partial file that hold whole pages: after a failed write, the file is cut back to it.
  let committed = startSize;
  const continuing = out === undefined ? startCursor !== undefined : committed > 0;
  const progress = createProgress(io);
  // Data goes out redacted; on a terminal, without control characters. NDJSON escapes them
  // losslessly; a CSV file keeps its cells as Hotjar sent them.
  const toTerminal = partial === undefined && io.stdout.isTTY === true;
  const ndjsonLine = (response: HotjarSurveyResponse) => `${inertJson(response)}\n`;
  const csvText = (rows: unknown[][]) => (toTerminal ? inertLines(toCsv(rows)) : toCsv(rows));

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
    resumeHint(api.redact, {
      prefix: commandPrefix({ argv1: io.argv1, env: io.env }),
      siteId,
      surveyId,
      format,
      out,
      partial,
      resumeCursor,
      responses,
      more: continuing,
      limit,
    });
  const commit = async (chunk: string) => {
    await write(target, chunk);
    // What the file took, redacted as everything the CLI writes.
    committed = startSize + target.written;
  };
  try {
    if (layout !== undefined && !continuing) await commit(csvText([layout.header]));
    for await (const page of pages) {
      const where = page.cursor === undefined ? 'the first page' : `the page at cursor ${page.cursor}`;
      // The cursor is printed and pasted into a shell: one with control characters is refused
      // before its page is written, so the resume command stays the one before it.
      if (page.nextCursor !== null && hasControl(page.nextCursor))
        throw new UnexpectedAnswer(`${where} gives a next_cursor holding control characters`);
      if (page.nextCursor !== null && page.nextCursor.length > MAX_CURSOR_LENGTH)
        throw new UnexpectedAnswer(
          `${where} gives a next_cursor of ${page.nextCursor.length} characters, more than the ${MAX_CURSOR_LENGTH} a resume command can carry`,
        );
      for (const response of page.results)
        if (!isRecord(response))
          throw new UnexpectedAnswer(`${where} holds ${kindOf(response)} where a response should be`);
      let chunk: string;
      if (layout === undefined) {
        chunk = page.results.map(ndjsonLine).join('');
      } else {
        const rows = page.results.map((response) => {
          const row = layout.row(response);
          unplaced += row.unplaced;
          return row.cells;
        });
        chunk = rows.length === 0 ? '' : csvText(rows);
      }
      await commit(chunk);
      // Only once the page is written does its next cursor become the place to resume from.
      responses += page.results.length;
      pageCount += 1;
      resumeCursor = page.nextCursor ?? undefined;
      progress.update(responses, pageCount);
      if (interrupted && page.nextCursor !== null) break;
    }
  } catch (error) {
    progress.end();
    if (file !== undefined && partial !== undefined) {
      await file.close().catch(() => undefined);
      // A write that failed part-way (a full disk, a file-size limit) leaves part of a page: the
      // file is cut back to its last whole page, where the resume cursor points.
      await truncate(partial, committed).catch((cutError: Error) => {
        io.stderr.write(
          `[hotjar-bridge] cannot cut ${inert(partial)} back to its last whole page (${committed} bytes): ${inert(cutError.message)}\n`,
        );
      });
    }
    if (error instanceof HotjarApiError) io.stderr.write(apiErrorText(error, api.redact));
    else if (error instanceof UnexpectedAnswer)
      io.stderr.write(`[hotjar-bridge] unexpected-response: ${inert(error.message)}\n`);
    else if (isSystemError(error))
      io.stderr.write(`[hotjar-bridge] cannot write ${inert(partial ?? 'to stdout')}: ${inert(error.message)}\n`);
    // Anything else (an answer shaped to break the CLI, such as nesting too deep to write) fails
    // the export as the API's failure, with the resume command.
    else io.stderr.write(`[hotjar-bridge] unexpected failure: ${inert(describeError(error))}\n`);
    io.stderr.write(hint());
    return EXIT_API_ERROR;
  } finally {
    io.signals?.off('SIGINT', onInterrupt);
  }
  progress.end();
  if (interrupted && resumeCursor !== undefined) {
    await file?.close();
    io.stderr.write(`Interrupted. ${hint()}`);
    return EXIT_INTERRUPTED;
  }
  if (file !== undefined && partial !== undefined) {
    await file.close();
    await rename(partial, out!);
  }
  const where = out === undefined ? '' : ` to ${inert(out)}`;
  // A resumed run counts what it added to the earlier run's output.
  io.stderr.write(
    `${count(responses, continuing ? 'more response' : 'response')} in ${count(pageCount, 'page')} written${where}.\n`,
  );
  if (unplaced > 0)
    io.stderr.write(
      `${count(unplaced, 'answer')} ${unplaced === 1 ? 'was' : 'were'} to questions the survey no longer lists and ${unplaced === 1 ? 'has' : 'have'} no CSV column; --format ndjson keeps them.\n`,
    );
  return EXIT_OK;
}

/** `1 response`, `2 responses`. */
function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

async function questionsOf(api: HotjarApi, siteId: string, surveyId: string): Promise<HotjarSurveyQuestion[]> {
  const survey = await api.survey(siteId, surveyId);
  if (Array.isArray(survey.questions)) return survey.questions.filter(isRecord);
  // Hotjar's single-survey answer may come without questions; the list has them on request.
  for await (const listed of api.surveys(siteId, { withQuestions: true })) {
    if (isRecord(listed) && String(listed.id) === String(surveyId) && Array.isArray(listed.questions))
      return listed.questions.filter(isRecord);
  }
  return [];
}

/** An error from the file system or a stream (it has a code such as ENOENT or ENOSPC). */
function isSystemError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string';
}

/** Refuses an existing path that is not a regular file (a device, a FIFO, a socket). */
function refuseSpecial(option: string, path: string): void {
  if (!statSync(path).isFile())
    throw new UsageError(
      `${option} ${path} is not a regular file (a device, a FIFO or a socket), which an export would replace: name a regular file`,
    );
}

/**
 * Why the partial file does not start with the CSV header this run would write (as written: CSV
 * quoted, redacted), or undefined when it does. Reads no more than the header's bytes.
 */
function headerMismatch(partial: string, header: string): string | undefined {
  const expected = Buffer.from(header);
  const found = Buffer.alloc(expected.length);
  const fd = openSync(partial, 'r');
  let length: number;
  try {
    length = readSync(fd, found, 0, found.length, 0);
  } finally {
    closeSync(fd);
  }
  if (length === expected.length && found.equals(expected)) return undefined;
  const firstLine = found.subarray(0, length).toString().split('\n')[0]!;
  return `its header (${inert(firstLine)}) is not the one the survey gives now (${inert(header.split('\n')[0]!)})`;
}

function resumeHint(
  redact: (text: string) => string,
  state: {
    prefix: string;
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
  },
): string {
  const written = `${count(state.responses, state.more ? 'more response' : 'response')} ${state.responses === 1 ? 'was' : 'were'} written`;
  const kept = state.partial === undefined ? `${written}.` : `${written} to ${inert(state.partial)}, which is kept.`;
  if (state.resumeCursor === undefined) return `${kept} Nothing to resume from: run the same command again.\n`;
  // A cursor holding the secret or a token is never printed, and printed redacted it would resume nowhere.
  if (redact(state.resumeCursor) !== state.resumeCursor)
    return `${kept}\nThe export cannot be resumed from where it stopped: Hotjar's cursor for the next page holds the client secret or an access token, which the CLI never prints. Run the same command again without --cursor.\n`;
  // Every argument quoted for a POSIX shell: pasting the line runs this CLI and nothing else.
  // `--name=value`, so a value starting with "-" is not read as an option.
  const args = [
    'responses',
    state.siteId,
    state.surveyId,
    `--format=${state.format}`,
    ...(state.out === undefined ? [] : [`--out=${state.out}`]),
    ...(state.limit === undefined ? [] : [`--limit=${state.limit}`]),
    `--cursor=${state.resumeCursor}`,
  ].map((arg) => inert(shellQuote(arg)));
  return `${kept}\nResume cursor: ${inert(state.resumeCursor)}\nResume with: ${[state.prefix, ...args].join(' ')}\n`;
}

/** A progress line on stderr, only when stderr is a terminal. */
function createProgress(io: CommandIo): { update(responses: number, pages: number): void; end(): void } {
  if (io.stderr.isTTY !== true) return { update() {}, end() {} };
  const started = Date.now();
  let shown = false;
  return {
    update(responses, pages) {
      const seconds = Math.max((Date.now() - started) / 1000, 0.001);
      io.stderr.write(
        `\r${count(responses, 'response')}, ${count(pages, 'page')}, ${Math.round(responses / seconds)} responses/s`,
      );
      shown = true;
    },
    end() {
      if (shown) io.stderr.write('\n');
      shown = false;
    },
  };
}
