// The README's TypeScript examples, compiled against the package's real types: a reader who
// copies one gets code that type-checks. Names an example only refers to (`hotjar`, `siteId`,
// `store`...) are declared once, as the surrounding prose describes them.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const readme = readFileSync(`${packageDir}README.md`, 'utf8');
const examples = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1]!);

const CONTEXT = `import type { HotjarApi, HotjarSurveyResponse } from '@hotjar-bridge/api';
declare global {
  const createHotjarApi: typeof import('@hotjar-bridge/api').createHotjarApi;
  const hotjar: HotjarApi;
  const siteId: number;
  const surveyId: number;
  const organizationId: number;
  const orgId: number;
  const email: string;
  const clientId: string;
  const clientSecret: string;
  let savedCursor: string | undefined;
  function store(responses: HotjarSurveyResponse[]): Promise<void>;
  function auditLog(event: string, data: unknown): Promise<void>;
  const env: {
    HOTJAR_CLIENT_ID: string;
    HOTJAR_CLIENT_SECRET: string;
    HOTJAR_ORGANIZATION_ID: string;
    HOTJAR_SITE_ID: string;
  };
}
`;

/** Type errors of each example, compiled as its own module beside the shared context. */
function typeErrors(sources: string[]): string[] {
  const files = new Map<string, string>([[`${packageDir}readme-context.d.ts`, CONTEXT]]);
  sources.forEach((source, index) => {
    files.set(`${packageDir}readme-example-${index}.ts`, `${source}\nexport {};\n`);
  });
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
    types: ['node'],
    strict: true,
    noUncheckedIndexedAccess: true,
    skipLibCheck: true,
    noEmit: true,
    allowImportingTsExtensions: true,
    baseUrl: packageDir,
    paths: { '@hotjar-bridge/api': ['./src/index.ts'] },
  };
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, version, ...rest) => {
    const text = files.get(name);
    return text === undefined ? getSourceFile(name, version, ...rest) : ts.createSourceFile(name, text, version);
  };
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => files.has(name) || fileExists(name);
  const program = ts.createProgram([...files.keys()], options, host);
  return ts
    .getPreEmitDiagnostics(program)
    .filter((diagnostic) => diagnostic.file !== undefined && files.has(diagnostic.file.fileName))
    .map((diagnostic) => {
      const { line } = diagnostic.file!.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
      const where = diagnostic.file!.fileName.slice(packageDir.length);
      return `${where}:${line + 1}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`;
    });
}

describe('README examples', () => {
  it('every TypeScript example type-checks against the package types', () => {
    expect(examples.length).toBeGreaterThanOrEqual(7);
    expect(typeErrors(examples)).toEqual([]);
    // A type-check of the package takes seconds, more on a busy machine.
  }, 60_000);

  it('the check catches an example that misuses the types', () => {
    expect(typeErrors(["const api = createHotjarApi({ clientId: 'id' });"])).not.toEqual([]);
  }, 60_000);
});
