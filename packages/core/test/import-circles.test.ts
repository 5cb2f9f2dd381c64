import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// Every `import … from './x'` and `export … from './x'`, type-only ones too: a circle through
// types alone still ties the modules' order of reading together and hides where a word belongs.
const RELATIVE_IMPORT = /\b(?:import|export)\s+(?:type\s+)?(?:[\w*$\s,{}]*?\s+from\s+)?['"]\.\/([\w.-]+)['"]/g;

function importsOf(source: string): string[] {
  return [...source.matchAll(RELATIVE_IMPORT)].map((match) => (match[1] as string).replace(/\.ts$/, ''));
}

/** The first circle found in `graph` (module → modules it imports), as the path that closes it. */
function findCircle(graph: Map<string, string[]>): string[] | null {
  const done = new Set<string>();
  const visit = (name: string, path: string[]): string[] | null => {
    const start = path.indexOf(name);
    if (start !== -1) return [...path.slice(start), name];
    if (done.has(name)) return null;
    for (const next of graph.get(name) ?? []) {
      const circle = visit(next, [...path, name]);
      if (circle) return circle;
    }
    done.add(name);
    return null;
  };
  for (const name of graph.keys()) {
    const circle = visit(name, []);
    if (circle) return circle;
  }
  return null;
}

function graphOf(sources: Record<string, string>): Map<string, string[]> {
  return new Map(Object.entries(sources).map(([name, source]) => [name, importsOf(source)]));
}

describe('import circles', () => {
  it("none among the core's modules, type-only imports included", () => {
    const dir = join(import.meta.dirname, '../src');
    const sources = Object.fromEntries(
      readdirSync(dir)
        .filter((file) => file.endsWith('.ts'))
        .map((file) => [file.replace(/\.ts$/, ''), readFileSync(join(dir, file), 'utf8')]),
    );
    const graph = graphOf(sources);
    // The reading must see the modules' imports at all, or an empty graph would pass.
    expect(graph.get('bridge')).toContain('identify');
    expect(graph.get('index')).toContain('identify-types');
    expect(findCircle(graph)?.join(' → ')).toBeUndefined();
  });

  it('reads every form of import and export, over several lines', () => {
    const source = [
      "import { a } from './a';",
      "import type { B } from './b';",
      "import {\n  c,\n  type C,\n} from './c.ts';",
      "export type { D } from './d';",
      "export { e } from './e';",
      "export * from './f';",
      "import './g';",
      "import { h } from '@hotjar/browser';",
      "const text = 'import nothing from here';",
    ].join('\n');
    expect(importsOf(source)).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
  });

  it('finds a circle closed by a type-only import, and none in a tree', () => {
    const circle = graphOf({
      options: "import type { IdentifyOptions } from './identify';",
      identify: "import { resolve } from './options';\nimport { cut } from './text';",
      text: '',
    });
    expect(findCircle(circle)).toEqual(['options', 'identify', 'options']);
    const tree = graphOf({
      identify: "import { resolve } from './options';\nimport type { X } from './types';",
      options: "import type { X } from './types';",
      types: '',
    });
    expect(findCircle(tree)).toBeNull();
  });
});
