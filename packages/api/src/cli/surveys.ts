import type { HotjarApi } from '../client';
import type { HotjarSurvey } from '../types';
import { type CliIo, EXIT_OK, UsageError, write } from './io';
import type { CliValues } from './run';

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
  for await (const survey of api.surveys(operands[0]!)) surveys.push(survey);
  if (values.json === true) {
    await write(io.stdout, `${JSON.stringify(surveys, null, 2)}\n`);
    return EXIT_OK;
  }
  await write(io.stdout, table(surveys));
  return EXIT_OK;
}

function text(value: unknown): string {
  if (value === undefined || value === null) return '';
  return String(value).replace(/\s+/g, ' ');
}

function table(surveys: HotjarSurvey[]): string {
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
