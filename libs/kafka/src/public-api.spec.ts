import path from 'node:path';
import ts from 'typescript';

/**
 * The entry point's declarations, as a consumer of the library sees them: emitted by the
 * compiler, then followed from index.d.ts through every relative import. None may mention the
 * Kafka client library, so no service can get hold of a client type or call its API.
 */
function publicDeclarations(entry: string): Map<string, string> {
  const configFile = ts.readConfigFile(path.resolve(__dirname, '../../../tsconfig.base.json'), ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(configFile.config, ts.sys, path.resolve(__dirname, '../../..'));
  const options: ts.CompilerOptions = {
    ...parsed.options,
    declaration: true,
    emitDeclarationOnly: true,
    noEmit: false,
    sourceMap: false,
    outDir: '/virtual',
    rootDir: path.resolve(__dirname, '../../..'),
  };
  const emitted = new Map<string, string>();
  const program = ts.createProgram([entry], options);
  program.emit(undefined, (file, text) => emitted.set(path.normalize(file), text));
  const outFor = (source: string) =>
    path.normalize(path.join('/virtual', path.relative(path.resolve(__dirname, '../../..'), source)).replace(/\.ts$/, '.d.ts'));
  const reached = new Map<string, string>();
  const queue = [outFor(entry)];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (reached.has(file)) continue;
    const text = emitted.get(file);
    if (text === undefined) throw new Error(`no declarations emitted for ${file}`);
    reached.set(file, text);
    for (const [, spec] of text.matchAll(/(?:from|import\()\s*['"](\.[^'"]+)['"]/g)) {
      const target = path.normalize(path.join(path.dirname(file), spec));
      queue.push(target.endsWith('.d.ts') ? target : `${target}.d.ts`);
    }
  }
  return reached;
}

describe("libs/kafka's public API", () => {
  jest.setTimeout(60_000);

  it('names no type of the Kafka client library', () => {
    const declarations = publicDeclarations(path.resolve(__dirname, 'index.ts'));
    expect(declarations.size).toBeGreaterThan(10);
    const leaking = [...declarations].filter(([, text]) => /['"]kafkajs['"]/.test(text)).map(([file]) => path.basename(file));
    expect(leaking).toEqual([]);
  });

  it('would notice a leak: the client module itself declares kafkajs types', () => {
    const declarations = publicDeclarations(path.resolve(__dirname, 'connection/kafkajs-client.ts'));
    expect([...declarations.values()].some((text) => /['"]kafkajs['"]/.test(text))).toBe(true);
  });
});
