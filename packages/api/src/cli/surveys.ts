import type { HotjarApi } from '../client';
import type { HotjarSurvey } from '../types';
import { EXIT_OK, isRecord, kindOf, UnexpectedAnswer, UsageError, write } from './io';
import type { CommandIo } from './output';
import type { CliValues } from './run';
import { inert, inertJson } from './terminal';

const HEADER = ['ID', 'NAME', 'TYPE', 'ENABLED', 'CREATED'];

/**
 * `surveys <siteId> [--json]`. Each page is printed as it arrives, so memory holds one page
 * whatever the number of surveys (or a server that never ends its list).
 */
export async function surveysCommand(
  api: HotjarApi,
  operands: string[],
  values: CliValues,
  io: CommandIo,
): Promise<number> {
  if (operands.length !== 1) throw new UsageError('surveys takes one site id: hotjar-api surveys <siteId>');
  const json = values.json === true;
  // The table's columns fit every survey printed so far: a later page may widen them.
  const widths = HEADER.map((name) => name.length);
  let shown = 0;
  for await (const page of api.surveys(operands[0]!).pages()) {
    for (const survey of page.results)
      if (!isRecord(survey))
        throw new UnexpectedAnswer(`the list of surveys holds ${kindOf(survey)} where a survey should be`);
    // Hotjar's text is printed with no control character that a terminal would act on (and,
    // as everything the CLI writes, redacted).
    let chunk = '';
    if (json) {
      // One JSON array across pages, indented as JSON.stringify(list, null, 2) would.
      for (const survey of page.results)
        chunk += `${shown++ === 0 ? '[\n  ' : ',\n  '}${inertJson(survey, 2).replace(/\n/g, '\n  ')}`;
    } else {
      const rows = page.results.map(row);
      if (shown === 0 && rows.length > 0) rows.unshift(HEADER);
      for (const cells of rows)
        for (const [column, cell] of cells.entries()) widths[column] = Math.max(widths[column]!, cell.length);
      chunk = rows.map((cells) => line(cells, widths)).join('');
      shown += page.results.length;
    }
    await write(io.stdout, chunk);
  }
  if (json) await write(io.stdout, shown === 0 ? '[]\n' : '\n]\n');
  else if (shown === 0) await write(io.stdout, 'No surveys.\n');
  return EXIT_OK;
}

function row(survey: HotjarSurvey): string[] {
  return [survey.id, survey.name, survey.type, survey.is_enabled, survey.created_time].map((value) =>
    inert(cellText(value)),
  );
}

function cellText(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value).replace(/\s+/g, ' ');
}

function line(cells: string[], widths: number[]): string {
  return `${cells
    .map((cell, column) => cell.padEnd(widths[column]!))
    .join('  ')
    .trimEnd()}\n`;
}
