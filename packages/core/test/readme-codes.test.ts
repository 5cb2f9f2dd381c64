import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');

/** The string literals of a union type as written in a source file. */
function unionMembers(source: string, name: string): string[] {
  const start = source.indexOf(`export type ${name} =`);
  const body = source.slice(start, source.indexOf(';', start));
  return [...body.matchAll(/'([a-z-]+)'/g)].map((m) => m[1] as string);
}

describe("the README's table of production codes", () => {
  const readme = read('../README.md');
  const table = readme.slice(readme.indexOf('## Development and production builds'), readme.indexOf('## Exports'));
  const diagnostics = read('../src/diagnostics.ts');
  const reasons = [
    ...unionMembers(diagnostics, 'SkipReason'),
    ...unionMembers(diagnostics, 'LoadProblem'),
    ...unionMembers(diagnostics, 'TruncateReason'),
    ...unionMembers(read('../src/event-name.ts'), 'EventNameProblem'),
  ];

  it('explains every reason a skip, load problem or cut can have', () => {
    expect(reasons.length).toBeGreaterThan(20);
    expect(reasons.filter((reason) => !table.includes(`(${reason})`))).toEqual([]);
  });
});
