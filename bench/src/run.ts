/**
 * `pnpm bench [--size S|M] [--rounds N] [--skip-extras]`: loads the corpus, checks that every
 * contender answers the six scenarios identically (refusing to time one that does not), counts SQL
 * statements per request, then times each contender (one server at a time, order rotated per
 * round, same pool size) with autocannon, and measures p99 at equal offered load, import
 * throughput and cold start. Writes bench/results/latest.json and latest.md.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import postgres from 'postgres';
import { ALL, boot, type Name, PATH, PORTS, post } from './contenders.js';
import { measureColdStart, measureImport } from './extras.js';
import { BENCH_BASE_URL, BENCH_DB_NAME, ensureLoaded } from './load.js';
import { rssMb } from './processes.js';
import { startProxy } from './proxy.js';
import {
  type CursorBook,
  DESCRIPTIONS,
  graphqlVariables,
  LIMIT_SQL,
  limitParams,
  MIX,
  NEWSGRAPH,
  normalize,
  POSTGRAPHILE,
  SCENARIOS,
  type Scenario,
  type Vars,
  variableLists,
} from './scenarios.js';

const { values: opts } = parseArgs({
  options: {
    size: { type: 'string', default: 'S' },
    rounds: { type: 'string' },
    'skip-extras': { type: 'boolean', default: false },
    only: { type: 'string' },
    reload: { type: 'boolean', default: false },
  },
});
const size = opts.size === 'M' ? 'M' : 'S';
const quick = size === 'S';
const ROUNDS = Number(opts.rounds ?? (quick ? 1 : 3));
const WARMUP_S = quick ? 1 : 3;
const DURATION_S = quick ? 3 : 10;
const CONNECTIONS = 32;
const CHECK_PER_SCENARIO = 8;

/** Articles the import measurement generates and imports, at every size. */
const IMPORT_ARTICLES = 10_000;
const NAMES = opts.only ? (opts.only.split(',') as Name[]) : ALL;

const log = (...args: unknown[]) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}]`, ...args);

// ---------------------------------------------------------------- request bodies

interface Ctx {
  vars: Record<Scenario, Vars[]>;
  book: CursorBook;
  limitCursors: Map<number, [string, string]>;
}

function bodyFor(name: Name, s: Scenario, v: Vars, ctx: Ctx): string {
  if (name === 'limit-sql' || name === 'limit-js') return JSON.stringify({ s, p: limitParams(s, v, ctx.limitCursors) });
  const query = (name === 'newsgraph' ? NEWSGRAPH : POSTGRAPHILE)[s];
  return JSON.stringify({ query, variables: graphqlVariables(name, s, v, ctx.book) });
}

/** A fixed, seeded sequence of (scenario, variables) in the 30/25/10/20/10/5 proportions. */
function mixSequence(ctx: Ctx, length = 2000): [Scenario, Vars][] {
  const out: [Scenario, Vars][] = [];
  const total = SCENARIOS.reduce((n, s) => n + MIX[s], 0);
  let x = 12345;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    let pick = x % total;
    let s: Scenario = 'Q1';
    for (const q of SCENARIOS) {
      s = q;
      pick -= MIX[q];
      if (pick < 0) break;
    }
    const list = ctx.vars[s];
    out.push([s, list[i % list.length] as Vars]);
  }
  return out;
}

// ---------------------------------------------------------------- cursors for the deep page

async function collectCursors(name: 'newsgraph' | 'postgraphile', positions: number[]): Promise<Map<number, string>> {
  const want = new Set(positions.map((p) => p - 1));
  const max = Math.max(...want);
  const cursors = new Map<number, string>();
  let after: string | null = null;
  for (let offset = 0; offset <= max; offset += 100) {
    const query =
      name === 'newsgraph'
        ? 'query ($after: String) { articles(first: 100, after: $after) { edges { cursor } } }'
        : 'query ($after: Cursor) { allArticles(first: 100, after: $after, orderBy: [SORT_AT_DESC, ID_DESC]) { edges { cursor } } }';
    const res = await post(name, JSON.stringify({ query, variables: { after } }));
    const data = JSON.parse(res.text).data;
    const edges = (name === 'newsgraph' ? data.articles.edges : data.allArticles.edges) as { cursor: string }[];
    edges.forEach((e, k) => {
      if (want.has(offset + k)) cursors.set(offset + k + 1, e.cursor);
    });
    after = edges[edges.length - 1]?.cursor ?? null;
  }
  return cursors;
}

// ---------------------------------------------------------------- phase A: equal answers, statements

interface Check {
  ok: boolean;
  sqlPerRequest: Partial<Record<Scenario, number>>;
  mismatch?: string;
}

async function check(
  name: Name,
  dbUrl: string,
  ctx: Ctx,
  reference: Map<string, string>,
  pgHost: string,
  pgPort: number,
): Promise<Check> {
  const proxy = await startProxy(pgHost, pgPort);
  const u = new URL(dbUrl);
  u.hostname = '127.0.0.1';
  u.port = String(proxy.port);
  const started = await boot(name, u.toString());
  try {
    if (name === 'newsgraph' || name === 'postgraphile') {
      ctx.book[name] = await collectCursors(name, [...new Set(ctx.vars.Q3.map((v) => v.position as number))]);
    }
    // open the whole pool first, so connection setup is not counted
    const warm = mixSequence(ctx, 64);
    await Promise.all(warm.map(([s, v]) => post(name, bodyFor(name, s, v, ctx))));
    const result: Check = { ok: true, sqlPerRequest: {} };
    for (const s of SCENARIOS) {
      proxy.reset();
      const list = ctx.vars[s].slice(0, CHECK_PER_SCENARIO);
      for (const [k, v] of list.entries()) {
        const res = await post(name, bodyFor(name, s, v, ctx));
        const answer = JSON.stringify(normalize(name, res.text));
        const key = `${s}#${k}`;
        const expected = reference.get(key);
        if (expected === undefined) reference.set(key, answer);
        else if (expected !== answer && result.ok) {
          result.ok = false;
          result.mismatch = `${key} (${JSON.stringify(v)}): expected ${expected.slice(0, 400)}\n     got ${answer.slice(0, 400)}`;
        }
      }
      result.sqlPerRequest[s] = proxy.statements() / list.length;
    }
    return result;
  } finally {
    await started.stop();
    await proxy.close();
  }
}

// ---------------------------------------------------------------- phase B/C: load

interface Load {
  rps: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  rssMb: number;
}

async function load(
  name: Name,
  pid: number,
  bodies: string[],
  seconds: number,
  rate?: number,
  warmup = WARMUP_S,
): Promise<Load> {
  let i = 0;
  let graphqlErrors = 0;
  const request = {
    method: 'POST' as const,
    path: PATH[name],
    headers: { 'content-type': 'application/json' },
    setupRequest: (req: autocannon.Request) => ({ ...req, body: bodies[i++ % bodies.length] as string }),
    onResponse: (_status: number, body: string) => {
      if (body.startsWith('{"errors"') || body.includes('"errors":[')) graphqlErrors++;
    },
  };
  const run = (duration: number, count: boolean) =>
    autocannon({
      url: `http://127.0.0.1:${PORTS[name]}`,
      connections: CONNECTIONS,
      duration,
      ...(rate ? { overallRate: rate } : {}),
      requests: [count ? request : { ...request, onResponse: () => {} }],
    });
  if (warmup > 0) await run(warmup, false);
  graphqlErrors = 0;
  let peak = 0;
  const sampler = setInterval(() => {
    peak = Math.max(peak, rssMb(pid));
  }, 200);
  const r = await run(seconds, true);
  clearInterval(sampler);
  peak = Math.max(peak, rssMb(pid));
  return {
    rps: Math.round(r.requests.average * 10) / 10,
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    errors: r.errors + r.timeouts + r.non2xx + graphqlErrors,
    rssMb: Math.round(peak),
  };
}

// ---------------------------------------------------------------- main

interface Row extends Load {
  scenario: string;
  contender: Name;
  sqlPerRequest: number | null;
}

async function main() {
  const t0 = performance.now();
  if (opts.only === 'import') {
    // `pnpm bench --only import`: the import measurement alone, without the corpus or the contenders
    const r = await measureImport(BENCH_BASE_URL, IMPORT_ARTICLES);
    log(`import: ${r.articles} articles in ${r.seconds} s = ${r.articlesPerS} articles/s (${r.summary})`);
    return;
  }
  log(
    `size ${size}, ${ROUNDS} round(s), ${DURATION_S}s per run after ${WARMUP_S}s warm-up, ${CONNECTIONS} connections`,
  );
  const loaded = await ensureLoaded(BENCH_BASE_URL, BENCH_DB_NAME, size, opts.reload);
  log(
    loaded.loaded
      ? `loaded ${loaded.corpus.articles.length} articles, ${loaded.corpus.refs.length} references in ${loaded.seconds.toFixed(1)} s`
      : 'corpus already loaded',
  );
  const sql = postgres(loaded.url, { max: 1, onnotice: () => {} });
  await sql.unsafe(readFileSync(new URL('./postgraphile.sql', import.meta.url), 'utf8'));
  const vars = variableLists(loaded.corpus, 200);
  const positions = [...new Set(vars.Q3.map((v) => v.position as number))];
  const ordered = await sql<{ sort_at: string; id: string }[]>`
    select sort_at::text as sort_at, id::text as id from articles order by sort_at desc, id desc
    offset ${Math.min(...positions) - 1} limit ${Math.max(...positions) - Math.min(...positions) + 1}`;
  const limitCursors = new Map<number, [string, string]>();
  for (const p of positions) {
    const row = ordered[p - Math.min(...positions)];
    if (row) limitCursors.set(p, [row.sort_at, row.id]);
  }
  await sql.end();
  const ctx: Ctx = { vars, book: { newsgraph: new Map(), postgraphile: new Map() }, limitCursors };

  // Phase A
  const pg = new URL(BENCH_BASE_URL);
  const reference = new Map<string, string>();
  const checks = new Map<Name, Check>();
  for (const name of ['limit-sql', ...NAMES.filter((n) => n !== 'limit-sql')] as Name[]) {
    const c = await check(name, loaded.url, ctx, reference, pg.hostname, Number(pg.port || 5432));
    checks.set(name, c);
    log(
      `${name}: answers ${c.ok ? 'equal' : 'DIFFER — not timed'}; sql/request ${SCENARIOS.map((s) => `${s} ${c.sqlPerRequest[s]}`).join(', ')}`,
    );
    if (!c.ok) log(`  ${c.mismatch}`);
  }
  const timed = NAMES.filter((n) => checks.get(n)?.ok);

  // Phase B
  const scenarioBodies = (name: Name, s: Scenario) => ctx.vars[s].map((v) => bodyFor(name, s, v, ctx));
  const mixBodies = (name: Name) => mixSequence(ctx).map(([s, v]) => bodyFor(name, s, v, ctx));
  const results = new Map<string, Load[]>();
  for (let round = 0; round < ROUNDS; round++) {
    const order = timed.map((_, k) => timed[(k + round) % timed.length] as Name);
    for (const name of order) {
      const started = await boot(name, loaded.url);
      try {
        for (const s of [...SCENARIOS, 'mix'] as const) {
          const bodies = s === 'mix' ? mixBodies(name) : scenarioBodies(name, s);
          const r = await load(name, started.pid, bodies, s === 'mix' ? DURATION_S + 1 : DURATION_S);
          const key = `${s}|${name}`;
          results.set(key, [...(results.get(key) ?? []), r]);
          log(
            `round ${round + 1} ${name} ${s}: ${r.rps} req/s, p50 ${r.p50Ms} ms, p99 ${r.p99Ms} ms, errors ${r.errors}, rss ${r.rssMb} MB`,
          );
        }
      } finally {
        await started.stop();
      }
    }
  }
  const median = (rs: Load[]): Load => {
    const sorted = [...rs].sort((a, b) => a.rps - b.rps);
    return sorted[Math.floor(sorted.length / 2)] as Load;
  };

  // Phase C: p99 of the mix at equal offered load, 50% of limit-sql's max
  const limitMix = results.get('mix|limit-sql');
  const offered = limitMix ? Math.round(median(limitMix).rps * 0.5) : 0;
  const equalLoad = new Map<Name, Load>();
  if (offered > 0) {
    for (const name of timed) {
      const started = await boot(name, loaded.url);
      try {
        const r = await load(name, started.pid, mixBodies(name), DURATION_S + 1, offered);
        equalLoad.set(name, r);
        log(`equal load ${offered} req/s ${name}: achieved ${r.rps}, p50 ${r.p50Ms} ms, p99 ${r.p99Ms} ms`);
      } finally {
        await started.stop();
      }
    }
  }

  const rows: Row[] = [];
  for (const s of [...SCENARIOS, 'mix'] as const) {
    for (const name of timed) {
      const rs = results.get(`${s}|${name}`);
      if (!rs) continue;
      const sqlPer =
        s === 'mix'
          ? SCENARIOS.reduce((n, q) => n + MIX[q] * (checks.get(name)?.sqlPerRequest[q] ?? 0), 0) / 100
          : (checks.get(name)?.sqlPerRequest[s] ?? null);
      rows.push({ scenario: s, contender: name, ...median(rs), sqlPerRequest: sqlPer });
    }
  }
  for (const [name, r] of equalLoad) {
    rows.push({
      scenario: `mix@${offered}rps`,
      contender: name,
      ...r,
      sqlPerRequest: rows.find((x) => x.scenario === 'mix' && x.contender === name)?.sqlPerRequest ?? null,
    });
  }

  const mixRps = (name: Name) => rows.find((r) => r.scenario === 'mix' && r.contender === name)?.rps ?? 0;
  const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 1000) / 1000 : null);
  const ratios = {
    mixVsLimitSql: ratio(mixRps('newsgraph'), mixRps('limit-sql')),
    mixVsLimitJs: ratio(mixRps('newsgraph'), mixRps('limit-js')),
    mixVsPeer: ratio(mixRps('newsgraph'), mixRps('postgraphile')),
    p99AtEqualLoadVsPeer: ratio(equalLoad.get('newsgraph')?.p99Ms ?? 0, equalLoad.get('postgraphile')?.p99Ms ?? 0),
  };

  const extras = opts['skip-extras'] ? null : await runExtras();

  const machine = {
    cpus: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    memGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    postgres: await serverVersion(loaded.url),
  };
  const result = {
    generatedAt: new Date().toISOString(),
    size,
    corpus: {
      articles: loaded.corpus.articles.length,
      sources: loaded.corpus.sources.length,
      references: loaded.corpus.refs.length,
    },
    settings: { rounds: ROUNDS, warmupS: WARMUP_S, durationS: DURATION_S, connections: CONNECTIONS, poolSize: 10 },
    sqlCounting:
      'counting TCP proxy in front of Postgres during the answer check (Q and Execute messages); pg_stat_statements is not preloaded on this server',
    machine,
    scenarios: DESCRIPTIONS,
    checks: Object.fromEntries([...checks].map(([n, c]) => [n, { equal: c.ok, mismatch: c.mismatch ?? null }])),
    rows,
    ratios,
    equalLoadRps: offered,
    extras,
    limitSql: LIMIT_SQL,
    elapsedS: Math.round((performance.now() - t0) / 1000),
  };
  const dir = new URL('../results/', import.meta.url);
  writeFileSync(new URL('latest.json', dir), `${JSON.stringify(result, null, 2)}\n`);
  writeFileSync(new URL('latest.md', dir), markdown(result));
  log(`done in ${result.elapsedS} s; bench/results/latest.json and latest.md`);
  console.log(markdown(result));
}

async function serverVersion(url: string): Promise<string> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  const [row] = await sql`show server_version`;
  await sql.end();
  return String(row?.server_version ?? '');
}

async function runExtras() {
  const importResult = await measureImport(BENCH_BASE_URL, IMPORT_ARTICLES);
  log(
    `import: ${importResult.articles} articles in ${importResult.seconds} s = ${importResult.articlesPerS} articles/s`,
  );
  const cold = await measureColdStart();
  log(`cold start: first start ${cold.firstStartS} s, restart ${cold.restartS} s`);
  return { import: importResult, coldStart: cold };
}

type Result = {
  size: string;
  corpus: { articles: number; sources: number; references: number };
  settings: { durationS: number; connections: number; rounds: number };
  machine: { cpus: number; cpu: string; memGb: number; node: string; postgres: string };
  rows: Row[];
  ratios: Record<string, number | null>;
  extras: Awaited<ReturnType<typeof runExtras>> | null;
  sqlCounting: string;
};

function markdown(r: Result): string {
  const lines = [
    `Size ${r.size} (${r.corpus.articles} articles, ${r.corpus.sources} sources, ${r.corpus.references} references); ` +
      `${r.settings.connections} connections, ${r.settings.durationS} s per run, ${r.settings.rounds} round(s), pool 10. ` +
      `Machine: ${r.machine.cpus} × ${r.machine.cpu}, ${r.machine.memGb} GB, Node ${r.machine.node}, PostgreSQL ${r.machine.postgres}.`,
    '',
    '| scenario | contender | req/s | p50 ms | p99 ms | errors | SQL/request | RSS MB |',
    '|---|---|---:|---:|---:|---:|---:|---:|',
    ...r.rows.map(
      (x) =>
        `| ${x.scenario} | ${x.contender} | ${x.rps} | ${x.p50Ms} | ${x.p99Ms} | ${x.errors} | ${x.sqlPerRequest ?? ''} | ${x.rssMb} |`,
    ),
    '',
    `Ratios (newsgraph ÷ contender, weighted-mix req/s): vs limit-sql ${r.ratios.mixVsLimitSql}, vs limit-js ${r.ratios.mixVsLimitJs}, ` +
      `vs PostGraphile ${r.ratios.mixVsPeer}; p99 at equal load vs PostGraphile ${r.ratios.p99AtEqualLoadVsPeer}.`,
  ];
  if (r.extras) {
    lines.push(
      '',
      `Import: ${r.extras.import.articles} generated text articles through \`pnpm newsgraph import\` in ${r.extras.import.seconds} s ` +
        `= ${r.extras.import.articlesPerS} articles/s. Cold start of \`pnpm start\` (embedded PGlite) to the first answer: ` +
        `${r.extras.coldStart.firstStartS} s on a new data dir (migrations + demo corpus), ${r.extras.coldStart.restartS} s on an existing one.`,
    );
  }
  lines.push('', `SQL statements counted with a ${r.sqlCounting}.`, '');
  return lines.join('\n');
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
