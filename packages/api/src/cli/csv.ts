import { stringify } from 'csv-stringify/sync';
import type { HotjarSurveyQuestion, HotjarSurveyResponse } from '../types';

const FIXED = [
  'id',
  'created_time',
  'is_complete',
  'country',
  'device',
  'browser',
  'os',
  'hotjar_user_id',
  'recording_url',
  'response_origin_url',
] as const;

/** How responses become CSV rows: the fixed fields, the user attributes, then one column per question. */
export interface CsvLayout {
  header: string[];
  /** The row of a response, and how many of its answers had no column. */
  row(response: HotjarSurveyResponse): { cells: unknown[]; unplaced: number };
}

/** Columns named by question text; a text that repeats gets " (2)", " (3)"; a question without text is named by its id. */
export function csvLayout(questions: readonly HotjarSurveyQuestion[]): CsvLayout {
  const used = new Set<string>([...FIXED, 'user_attributes']);
  const columnOf = new Map<string, number>();
  const header: string[] = [...FIXED, 'user_attributes'];
  for (const question of questions) {
    if (question.id === undefined || columnOf.has(String(question.id))) continue;
    const base =
      typeof question.text === 'string' && question.text.trim() !== ''
        ? question.text.trim()
        : `question ${question.id}`;
    let name = base;
    for (let n = 2; used.has(name); n += 1) name = `${base} (${n})`;
    used.add(name);
    columnOf.set(String(question.id), header.length);
    header.push(name);
  }
  return {
    header,
    row(response) {
      const cells: unknown[] = FIXED.map((field) => cell(response[field]));
      cells.push(attributes(response.user_attributes));
      for (let i = cells.length; i < header.length; i += 1) cells.push('');
      let unplaced = 0;
      for (const answer of Array.isArray(response.answers) ? response.answers : []) {
        const column = answer?.question_id === undefined ? undefined : columnOf.get(String(answer.question_id));
        if (column === undefined) unplaced += 1;
        else cells[column] = cell(answer.answer);
      }
      return { cells, unplaced };
    },
  };
}

function cell(value: unknown): unknown {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return value;
}

function attributes(list: HotjarSurveyResponse['user_attributes']): string {
  if (!Array.isArray(list) || list.length === 0) return '';
  // No prototype: an attribute named `__proto__` is an entry like any other, in its place.
  const out: Record<string, unknown> = Object.create(null);
  for (const entry of list) if (typeof entry?.name === 'string') out[entry.name] = entry.value;
  return JSON.stringify(out);
}

// What a spreadsheet reads as a number and nothing else: `-3`, `+12.5`, `.5`, `1e3`.
const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * A cell a spreadsheet would run as a formula gets a leading `'`: text starting with `=`, `+`,
 * `-`, `@`, a tab or a carriage return, unless it is a plain number (`-3`, `+12.5`), which stays a
 * number. `+44 20 7946 0958` is not a plain number: a spreadsheet would evaluate it, so it is guarded.
 */
export function guardFormula(value: unknown): unknown {
  if (typeof value !== 'string' || !/^[=+\-@\t\r]/.test(value)) return value;
  if (PLAIN_NUMBER.test(value) && Number.isFinite(Number(value))) return value;
  return `'${value}`;
}

/** CSV text for rows, each cell through `guardFormula`: survey answers and question texts are typed by anyone. */
export function toCsv(rows: unknown[][]): string {
  return stringify(
    rows.map((row) => row.map(guardFormula)),
    { cast: { boolean: (value) => String(value) } },
  );
}
