import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  createClient,
  GetSourceDocument,
  ListArticlesDocument,
  NewsgraphError,
  type TypedDocument,
} from '@newsgraph/sdk';
import { createApp, demoUrls, seedDemo } from '@newsgraph/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, startServer } from './support/cli.js';
import { openStore, type Store } from './support/engines.js';

const run = promisify(execFile);
const sdkDir = join(repoRoot, 'packages/sdk');
const bin = (dir: string, name: string) => join(dir, 'node_modules/.bin', name);

/** pnpm applies publishConfig (the dist exports) on pack; npm would not. */
function pnpmCommand(): { file: string; args: string[] } {
  const execPath = process.env.npm_execpath;
  if (execPath && /pnpm/.test(execPath) && execPath.endsWith('.cjs'))
    return { file: process.execPath, args: [execPath] };
  return { file: 'pnpm', args: [] };
}

/** Builds the SDK, packs it and installs the tarball into a fresh project outside the workspace. */
async function installPackedSdk(): Promise<{ dir: string; tarball: string }> {
  await run(bin(sdkDir, 'tsup'), [], { cwd: sdkDir, timeout: 120_000 });
  const dir = mkdtempSync(join(tmpdir(), 'newsgraph-sdk-consumer-'));
  const pnpm = pnpmCommand();
  await run(pnpm.file, [...pnpm.args, 'pack', '--pack-destination', dir], { cwd: sdkDir, timeout: 120_000 });
  const tarball = readdirSync(dir).find((file) => file.endsWith('.tgz'));
  if (!tarball) throw new Error('pnpm pack made no tarball');
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name: 'sdk-consumer', private: true, type: 'module', dependencies: {} }),
  );
  // The SDK has no dependencies, so the tarball installs without the registry.
  await run('npm', ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', `./${tarball}`], {
    cwd: dir,
    timeout: 120_000,
  });
  return { dir, tarball };
}

describe('@newsgraph/sdk, packed and installed into a fresh app, against a live server', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let consumer: { dir: string; tarball: string };
  let dataDir: string;
  let apiKey: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'newsgraph-sdk-data-'));
    // Server start (PGlite + demo corpus) and build/pack/install overlap.
    [server, consumer] = await Promise.all([startServer({ NEWSGRAPH_DATA_DIR: dataDir }), installPackedSdk()]);
    // On first start the server makes an EDITOR key and keeps it in the data dir.
    apiKey = readFileSync(join(dataDir, 'newsgraph-editor-key'), 'utf8').trim();
  });

  afterAll(async () => {
    await server?.stop();
    if (consumer) rmSync(consumer.dir, { recursive: true, force: true });
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('ships ESM, CJS and types from dist, with no dependencies', () => {
    const pkg = JSON.parse(
      readFileSync(join(consumer.dir, 'node_modules/@newsgraph/sdk/package.json'), 'utf8'),
    ) as Record<string, unknown>;
    expect(pkg.dependencies).toBeUndefined();
    expect(pkg.exports).toMatchObject({
      '.': {
        import: { types: './dist/index.d.ts', default: './dist/index.js' },
        require: { types: './dist/index.d.cts', default: './dist/index.cjs' },
      },
    });
    const files = readdirSync(join(consumer.dir, 'node_modules/@newsgraph/sdk/dist'));
    expect(files).toEqual(expect.arrayContaining(['index.js', 'index.cjs', 'index.d.ts', 'index.d.cts']));
    const esm = readFileSync(join(consumer.dir, 'node_modules/@newsgraph/sdk/dist/index.js'), 'utf8');
    expect(esm).not.toMatch(/from ['"]node:|require\(['"]node:|\bBuffer\b/);
  });

  it('type-checks a consumer under nodenext + strict, and runs it: reads, a correction, a conflict, an event', async () => {
    const { dir } = consumer;
    copyFileSync(join(repoRoot, 'tests/fixtures/sdk-consumer.ts'), join(dir, 'consumer.ts'));
    copyFileSync(join(repoRoot, 'examples/provenance-cli/src/main.ts'), join(dir, 'provenance.ts'));
    writeFileSync(
      join(dir, 'require.cjs'),
      "const sdk = require('@newsgraph/sdk');\nconsole.log(typeof sdk.createClient, typeof sdk.NewsgraphError);\n",
    );
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          module: 'nodenext',
          moduleResolution: 'nodenext',
          target: 'es2022',
          lib: ['es2023', 'dom'],
          strict: true,
          noUncheckedIndexedAccess: true,
          exactOptionalPropertyTypes: true,
          skipLibCheck: false,
          outDir: 'out',
          typeRoots: [join(repoRoot, 'node_modules/@types')],
          types: ['node'],
        },
        files: ['consumer.ts', 'provenance.ts'],
      }),
    );
    await run(bin(repoRoot, 'tsc'), ['-p', 'tsconfig.json'], { cwd: dir, timeout: 120_000 }).catch((error) => {
      throw new Error(`tsc failed on the consumer:\n${error.stdout}${error.stderr}`);
    });

    const { stdout } = await run(process.execPath, ['out/consumer.js'], {
      cwd: dir,
      timeout: 60_000,
      env: {
        ...process.env,
        NEWSGRAPH_URL: server.url,
        NEWSGRAPH_API_KEY: apiKey,
        WIRE_URL: demoUrls.wire,
        COPY_URL: demoUrls.lakeshore,
      },
    });
    const report = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}');
    expect(report).toMatchObject({
      firstPage: 3,
      wireTitle: 'Valdren Port Authority Weighs Ending Night Shifts at Container Terminal',
      byId: demoUrls.wire,
      missing: null,
      source: { name: 'Meridian Wire', kind: 'WIRE_AGENCY' },
      correction: `corrected to v${report.fromVersion + 1}`,
      conflict: `conflict: now at v${report.fromVersion + 1}`,
      event: { kind: 'CLARIFICATION', article: demoUrls.wire },
      upstream: true,
      badKey: { kind: 'auth', status: 401, codes: ['UNAUTHENTICATED'] },
    });
    expect(report.walked).toBe(report.totalCount);
    expect(report.totalCount).toBeGreaterThan(3);
    expect(report.provenance).toEqual(expect.arrayContaining([demoUrls.northgate, demoUrls.wire, 'Meridian Wire']));
    expect(report.derivedFromWire).toBeGreaterThan(0);
    expect(report.search.length).toBeGreaterThan(0);
    expect(report.event.note).toMatch(/^SDK consumer clarification/);

    const cjs = await run(process.execPath, ['require.cjs'], { cwd: dir });
    expect(cjs.stdout.trim()).toBe('function function');

    // The example CLI, compiled against the package exports only.
    const cli = await run(process.execPath, ['out/provenance.js', demoUrls.lakeshore, '--server', server.url], {
      cwd: dir,
      timeout: 30_000,
    });
    expect(cli.stdout).toContain('Provenance (upstream, nearest first):');
    expect(cli.stdout).toContain(
      're-reports "Valdren Port Authority Weighs Ending Night Shifts at Container Terminal"',
    );
    expect(cli.stdout).toMatch(/Upstream corrections \(\d+\):\n.*SDK consumer clarification/);
  });
});

describe('persisted documents (in-process app)', () => {
  let store: Store;
  const saved = { trusted: process.env.NEWSGRAPH_TRUSTED_DOCUMENTS, nodeEnv: process.env.NODE_ENV };

  /** An app made with the given environment, and a client on it that records what it sends. */
  function appWith(env: { trusted?: string; nodeEnv?: string }) {
    process.env.NEWSGRAPH_TRUSTED_DOCUMENTS = env.trusted ?? '';
    process.env.NODE_ENV = env.nodeEnv ?? 'test';
    try {
      const app = createApp({ handle: store.handle });
      const sent: Array<Record<string, unknown>> = [];
      const fetch: typeof globalThis.fetch = async (input, init) => {
        sent.push(JSON.parse(String(init?.body)));
        return app.fetch(String(input), init ?? {});
      };
      return { client: createClient({ url: 'http://localhost/graphql', fetch }), sent };
    } finally {
      process.env.NEWSGRAPH_TRUSTED_DOCUMENTS = saved.trusted;
      process.env.NODE_ENV = saved.nodeEnv;
      if (saved.trusted === undefined) delete process.env.NEWSGRAPH_TRUSTED_DOCUMENTS;
    }
  }

  // A document an app wrote itself, with a hash the server's manifest does not have.
  const ownDocument = {
    __meta__: { hash: 'f'.repeat(64) },
    toString: () => 'query OwnQuery { articles(first: 1) { totalCount } }',
  } as TypedDocument<{ articles: { totalCount: number } }, Record<string, never>>;

  beforeAll(async () => {
    store = await openStore('pglite');
    await seedDemo(store.handle.db);
  });
  afterAll(() => store?.close());

  it('sends SDK operations by hash alone', async () => {
    const { client, sent } = appWith({});
    const source = await client.getSource({ name: 'Meridian' });
    expect(source?.name).toBe('Meridian Wire');
    expect(sent).toEqual([
      {
        variables: { name: 'Meridian' },
        extensions: { persistedQuery: { version: 1, sha256Hash: GetSourceDocument.__meta__?.hash } },
      },
    ]);
  });

  it('falls back from an unknown hash to the full document, once', async () => {
    const { client, sent } = appWith({});
    expect((await client.request(ownDocument)).articles.totalCount).toBeGreaterThan(0);
    expect(sent.map((body) => [Boolean(body.query), Boolean(body.extensions)])).toEqual([
      [false, true],
      [true, true],
    ]);
    await client.request(ownDocument);
    expect(sent).toHaveLength(3);
    expect(sent[2]?.query).toContain('OwnQuery');
  });

  it('with NEWSGRAPH_TRUSTED_DOCUMENTS=only refuses other documents but runs the SDK by hash', async () => {
    const { client, sent } = appWith({ trusted: 'only' });
    const refused = await client.request(ownDocument).then(
      () => null,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(NewsgraphError);
    expect((refused as NewsgraphError).codes).toEqual(['PERSISTED_QUERY_ONLY']);
    expect((refused as NewsgraphError).status).toBe(403);
    const plain = await client.request('{ articles(first: 1) { totalCount } }').catch((error: unknown) => error);
    expect((plain as NewsgraphError).codes).toEqual(['PERSISTED_QUERY_ONLY']);

    sent.length = 0;
    const page = await client.listArticles({ first: 2 });
    expect(page.edges).toHaveLength(2);
    expect(await client.request(ListArticlesDocument, { first: 1 })).toMatchObject({
      articles: { totalCount: page.totalCount },
    });
    expect(sent.every((body) => body.query === undefined)).toBe(true);
  });

  it('keeps arbitrary documents (GraphiQL) working in development even when set to only', async () => {
    const { client } = appWith({ trusted: 'only', nodeEnv: 'development' });
    const result = await client.request<{ articles: { totalCount: number } }>('{ articles(first: 1) { totalCount } }');
    expect(result.articles.totalCount).toBeGreaterThan(0);
  });
});
