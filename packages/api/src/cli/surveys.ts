import type { HotjarApi } from '../client';
import type { HotjarSurvey } from '../types';
import { type CliIo, EXIT_OK, isRecord, kindOf, UnexpectedAnswer, UsageError, write } from './io';
import type { CliValues } from './run';
import { inert, inertJson } from './terminal';

/** `surveys <siteId> [--json]` */
export async function surveysCommand(
  api: HotjarApi,
  operands: string[],
  values: CliValues,
  io: CliIo,
): Promise<number> {
  if (operands.length !== 1) throw new UsageError('surveys takes one site id: hotjar-api surveys <siteId>');
  const surveys: HotjarSurvey[] = [];
  // A site has few surveys; collecting them lets the table size its columns.
  for await (const survey of api.surveys(operands[0]!)) {
    if (!isRecord(survey))
      throw new UnexpectedAnswer(`the list of surveys holds ${kindOf(survey)} where a survey should be`);
    surveys.push(survey);
  }
  // Hotjar's text is printed redacted, and with no control character that a terminal would act on.
  if (values.json === true) {
    await write(io.stdout, `${api.redact(inertJson(surveys, 2))}\n`);
    return EXIT_OK;
  }
  await write(
    io.stdout,
    table(surveys, (value) => inert(api.redact(cellText(value)))),
  );
  return EXIT_OK;
}

function cellText(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value).replace(/\s+/g, ' ');
}

function table(surveys: HotjarSurvey[], text: (value: unknown) => string): string {
  if (surveys.length === 0) return 'No surveys.\n';
  const rows = [
    ['ID', 'NAME', 'TYPE', 'ENABLED', 'CREATED'],
    ...surveys.map((s) => [text(s.id), text(s.name), text(s.type), text(s.is_enabled), text(s.created_time)]),
  ];
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows
    .map(
      (row) =>
        `${row
          .map((cell, column) => cell.padEnd(widths[column]!))
          .join('  ')
          .trimEnd()}\n`,
    )
    .join('');
}
