/**
 * The four contenders as servers: their ports, paths and how each is started on a database, all
 * with the same pool size. Used by the benchmark (`run.ts`) and the CPU split (`cpu-split.ts`).
 */
import { type Started, start, waitReady } from './processes.js';

export type Name = 'limit-sql' | 'limit-js' | 'newsgraph' | 'postgraphile';
export const ALL: Name[] = ['limit-sql', 'limit-js', 'newsgraph', 'postgraphile'];
export const PORTS: Record<Name, number> = { 'limit-sql': 4111, 'limit-js': 4112, newsgraph: 4113, postgraphile: 4114 };
export const PATH: Record<Name, string> = {
  'limit-sql': '/',
  'limit-js': '/',
  newsgraph: '/graphql',
  postgraphile: '/graphql',
};
const POOL_SIZE = '10';

function startContender(name: Name, url: string): Started {
  const port = String(PORTS[name]);
  const common = { DATABASE_URL: url, PORT: port, POOL_SIZE, NODE_ENV: 'production' };
  switch (name) {
    case 'newsgraph':
      return start(
        process.execPath,
        ['packages/server/scripts/run.mjs', 'serve', '--port', port, '--host', '127.0.0.1'],
        {
          ...common,
          NEWSGRAPH_RATE_LIMIT_PER_IP: '100000000',
          NEWSGRAPH_RATE_LIMIT_PER_KEY: '100000000',
          NEWSGRAPH_LOG_LEVEL: 'warn',
          // Q2 (50 articles with four nested lists) is over the default graphql-armor cost limit of 50000
          NEWSGRAPH_MAX_COST: '10000000',
        },
      );
    case 'postgraphile':
      return start(process.execPath, ['--import', 'tsx', 'bench/src/contenders/postgraphile.ts'], common);
    default:
      return start(process.execPath, ['--import', 'tsx', 'bench/src/contenders/limit.ts'], {
        ...common,
        LIMIT_MODE: name === 'limit-js' ? 'js' : 'sql',
      });
  }
}

export async function post(name: Name, body: string): Promise<{ status: number; text: string }> {
  const res = await fetch(`http://127.0.0.1:${PORTS[name]}${PATH[name]}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  return { status: res.status, text: await res.text() };
}

/** Starts a contender and waits until it answers. */
export async function boot(name: Name, url: string): Promise<Started> {
  const started = startContender(name, url);
  const probe =
    name === 'newsgraph' || name === 'postgraphile'
      ? JSON.stringify({ query: '{ __typename }' })
      : JSON.stringify({ s: 'Q6', p: ['00000000-0000-4000-8000-000000000000'] });
  await waitReady(started, async () => (await post(name, probe)).status === 200, 90_000);
  return started;
}
