/** Import throughput through the CLI, and cold start of `pnpm start` on the embedded database. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { generate, paragraphs } from './corpus.js';
import { adminUrl, dbUrl } from './load.js';
import { sleep, start } from './processes.js';

const MONTHS = 'January February March April May June July August September October November December'.split(' ');

/** Fictional articles in the text format the importer reads (title, date, paragraphs, Original url). */
function writeTextArticles(dir: string, count: number): void {
  const corpus = generate('S', 777);
  for (let i = 0; i < count; i++) {
    const a = corpus.articles[i % corpus.articles.length];
    if (!a) continue;
    const d = a.publishedAt ?? a.createdAt;
    const body = paragraphs(777, i);
    const related = corpus.articles[(i * 7 + 3) % corpus.articles.length];
    const lines = [
      `${a.title} ${i}`,
      '',
      `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()}`,
      '',
      ...body.slice(0, 2).flatMap((p) => [p, '']),
      ...(related ? [`Related article: ${related.title}`, ''] : []),
      ...body.slice(2).flatMap((p) => [p, '']),
      'Original url:',
      '',
      `${a.url}-${i}`,
    ];
    writeFileSync(join(dir, `article-${String(i).padStart(5, '0')}.txt`), `${lines.join('\n')}\n`);
  }
}

export async function measureImport(baseUrl: string, count: number) {
  const dir = mkdtempSync(join(tmpdir(), 'newsgraph-bench-import-'));
  const name = 'newsgraph_bench_import';
  try {
    writeTextArticles(dir, count);
    const admin = postgres(adminUrl(baseUrl), { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.unsafe(`create database ${name}`);
    await admin.end();
    const env = { DATABASE_URL: dbUrl(baseUrl, name), NEWSGRAPH_LOG_LEVEL: 'warn', NODE_ENV: 'production' };
    const migrate = start('pnpm', ['-s', 'newsgraph', 'migrate'], env);
    await new Promise((resolve) => migrate.child.once('exit', resolve));
    const t0 = performance.now();
    const run = start('pnpm', ['-s', 'newsgraph', 'import', dir], env);
    const code = await new Promise<number | null>((resolve) => run.child.once('exit', resolve));
    const seconds = (performance.now() - t0) / 1000;
    const summary = run.output().trim().split('\n').slice(-3).join(' | ');
    if (code !== 0) throw new Error(`import failed (${code}): ${run.output().slice(-2000)}`);
    return {
      articles: count,
      seconds: Math.round(seconds * 10) / 10,
      articlesPerS: Math.round(count / seconds),
      summary,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function timeToFirstAnswer(dataDir: string, port: number): Promise<number> {
  const t0 = performance.now();
  const server = start('pnpm', ['-s', 'start'], {
    NEWSGRAPH_DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_URL: '',
    NEWSGRAPH_LOG_LEVEL: 'warn',
  });
  try {
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline) {
      if (server.child.exitCode !== null) throw new Error(`pnpm start exited: ${server.output()}`);
      const ok = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ articles(first: 1) { edges { node { title } } } }' }),
      })
        .then(async (r) => r.status === 200 && ((await r.json()) as { data?: unknown }).data != null)
        .catch(() => false);
      if (ok) return Math.round((performance.now() - t0) / 100) / 10;
      await sleep(25);
    }
    throw new Error('pnpm start gave no answer in 120 s');
  } finally {
    await server.stop();
  }
}

export async function measureColdStart() {
  const dataDir = mkdtempSync(join(tmpdir(), 'newsgraph-bench-cold-'));
  mkdirSync(dataDir, { recursive: true });
  try {
    const firstStartS = await timeToFirstAnswer(dataDir, 4121);
    const restartS = await timeToFirstAnswer(dataDir, 4121);
    return { firstStartS, restartS };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
