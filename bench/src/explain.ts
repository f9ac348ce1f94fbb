/**
 * `tsx bench/src/explain.ts [Q1 …]`: runs each scenario once through newsgraph in process (the
 * app's fetch, no socket), captures the SQL it sends with its parameters, and prints EXPLAIN
 * (ANALYZE, BUFFERS) of every statement, next to the limit SQL's plan. Output in
 * bench/results/explain/ (not committed). Needs a loaded bench database (run `pnpm bench` once).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { createDb } from '@newsgraph/db';
import { createApp } from '@newsgraph/server';
import postgres from 'postgres';
import { generate } from './corpus.js';
import { BENCH_BASE_URL, BENCH_DB_NAME, dbUrl } from './load.js';
import { globalId, LIMIT_SQL, limitParams, NEWSGRAPH, SCENARIOS, type Scenario, variableLists } from './scenarios.js';

const url = dbUrl(BENCH_BASE_URL, BENCH_DB_NAME);
const wanted = (process.argv.slice(2).length ? process.argv.slice(2) : SCENARIOS) as Scenario[];

const captured: { sql: string; params: unknown[] }[] = [];
const handle = await createDb({ url, onQuery: (sql, params) => captured.push({ sql, params }) });
const app = createApp({ handle, limits: { maxCost: 10_000_000, ratePerIp: 1e9 }, production: true });
const raw = postgres(url, { max: 1, onnotice: () => {} });
const vars = variableLists(generate('S'), 200);
const dir = new URL('../results/explain/', import.meta.url);
mkdirSync(dir, { recursive: true });

for (const s of wanted) {
  const v = vars[s][0] ?? {};
  let variables: Record<string, unknown>;
  const limitCursors = new Map<number, [string, string]>();
  if (s === 'Q3') {
    const [row] =
      await raw`select sort_at::text as s, id::text as id from articles order by sort_at desc, id desc offset ${(v.position as number) - 1} limit 1`;
    limitCursors.set(v.position as number, [row?.s, row?.id]);
    // the cursor of the article before the page, as newsgraph issues it
    const page = await app.fetch('http://bench/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: `query ($n: Int!) { articles(first: $n) { edges { cursor } } }`,
        variables: { n: 100 },
      }),
    });
    let edges = ((await page.json()) as { data: { articles: { edges: { cursor: string }[] } } }).data.articles.edges;
    let seen = edges.length;
    while (seen < (v.position as number)) {
      const after = edges[edges.length - 1]?.cursor;
      const next = await app.fetch('http://bench/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: `query ($after: String) { articles(first: 100, after: $after) { edges { cursor } } }`,
          variables: { after },
        }),
      });
      edges = ((await next.json()) as { data: { articles: { edges: { cursor: string }[] } } }).data.articles.edges;
      seen += edges.length;
    }
    variables = { after: edges[(v.position as number) - (seen - edges.length) - 1]?.cursor };
  } else if (s === 'Q4') variables = { q: v.query };
  else if (s === 'Q1' || s === 'Q2') variables = { p: globalId('Source', v.publisherId as string) };
  else variables = { id: globalId('Article', v.articleId as string) };

  captured.length = 0;
  const res = await app.fetch('http://bench/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: NEWSGRAPH[s], variables }),
  });
  const body = await res.text();
  let out = `# ${s} ${JSON.stringify(variables)}\n# ${captured.length} statement(s); response ${body.length} bytes\n\n`;
  for (const [k, q] of captured.entries()) {
    const plan = await raw.unsafe(`explain (analyze, buffers) ${q.sql}`, q.params as never[]);
    out += `## newsgraph statement ${k + 1}\n${q.sql}\n-- params ${JSON.stringify(q.params)}\n\n${plan.map((r) => r['QUERY PLAN']).join('\n')}\n\n`;
  }
  const limitPlan = await raw.unsafe(
    `explain (analyze, buffers) select (${LIMIT_SQL[s]})::text`,
    limitParams(s, v, limitCursors) as never[],
  );
  out += `## limit-sql\n${limitPlan.map((r) => r['QUERY PLAN']).join('\n')}\n`;
  writeFileSync(new URL(`${s}.txt`, dir), out);
  const total = (text: string) => [...text.matchAll(/Execution Time: ([\d.]+) ms/g)].map((m) => Number(m[1]));
  console.log(
    `${s}: ${captured.length} statement(s), execution ms newsgraph ${total(out).slice(0, -1).join(' + ')} vs limit ${total(out).slice(-1)}`,
  );
}
await raw.end();
await handle.close();
process.exit(0);
