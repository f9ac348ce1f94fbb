/**
 * `pnpm --filter @newsgraph/bench exec tsx src/cpu-split.ts [--requests N] [--concurrency C] [Q1 …]`:
 * where the CPU of one request goes, per contender and scenario. Starts newsgraph and PostGraphile
 * in turn on the loaded bench database (run `pnpm bench` once first), sends each scenario's requests
 * at a fixed concurrency after a warm-up, and divides the CPU time the server's processes and all
 * Postgres processes used (from /proc) by the number of requests. Q3 is left out: its cursors come
 * from the benchmark's answer check, and its cost is Q1's. Linux only.
 */
import { parseArgs } from 'node:util';
import { boot, type Name, post } from './contenders.js';
import { generate } from './corpus.js';
import { BENCH_BASE_URL, BENCH_DB_NAME, dbUrl } from './load.js';
import { cpuMs } from './processes.js';
import { graphqlVariables, NEWSGRAPH, POSTGRAPHILE, type Scenario, variableLists } from './scenarios.js';

const { values: opts, positionals } = parseArgs({
  options: { requests: { type: 'string', default: '1000' }, concurrency: { type: 'string', default: '4' } },
  allowPositionals: true,
});
const REQUESTS = Number(opts.requests);
const CONCURRENCY = Number(opts.concurrency);
const scenarios = (positionals.length ? positionals : ['Q1', 'Q2', 'Q4', 'Q5', 'Q6']) as Scenario[];
const url = dbUrl(BENCH_BASE_URL, BENCH_DB_NAME);

const vars = variableLists(generate('S'), 200);
const book = { newsgraph: new Map<number, string>(), postgraphile: new Map<number, string>() };
const rows: string[] = [
  '| scenario | contender | server CPU ms/request | Postgres CPU ms/request | total |',
  '|---|---|---:|---:|---:|',
];

for (const name of ['newsgraph', 'postgraphile'] as const satisfies readonly Name[]) {
  const started = await boot(name, url);
  const group = String(started.pid);
  const server = () => cpuMs((f) => f[2] === group);
  const postgres = () => cpuMs((_f, command) => command === 'postgres');
  try {
    const docs = name === 'newsgraph' ? NEWSGRAPH : POSTGRAPHILE;
    const send = async (s: Scenario, count: number) => {
      const bodies = vars[s].map((v) =>
        JSON.stringify({ query: docs[s], variables: graphqlVariables(name, s, v, book) }),
      );
      let next = 0;
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          while (next < count) {
            const { status, text } = await post(name, bodies[next++ % bodies.length] as string);
            if (status !== 200 || text.includes('"errors"')) throw new Error(`${name} ${s}: ${text.slice(0, 300)}`);
          }
        }),
      );
    };
    // every scenario once before any is measured: the first one measured would pay for the JIT
    for (const s of scenarios) await send(s, Math.max(200, REQUESTS / 2));
    for (const s of scenarios) {
      const [a, b] = [server(), postgres()];
      await send(s, REQUESTS);
      const [own, pg] = [(server() - a) / REQUESTS, (postgres() - b) / REQUESTS];
      rows.push(`| ${s} | ${name} | ${own.toFixed(2)} | ${pg.toFixed(2)} | ${(own + pg).toFixed(2)} |`);
      console.log(rows.at(-1));
    }
  } finally {
    await started.stop();
  }
}
console.log(`\n${rows.join('\n')}`);
