/**
 * The physical limit for this data: bare node:http + postgres.js, one hand-written SQL statement
 * per scenario that builds the whole answer as JSON inside Postgres.
 * `limit-sql` sends that text straight out; `limit-js` (LIMIT_MODE=js) gets it as parsed rows and
 * JSON.stringify's them, the cost any JS server pays at least.
 */
import { createServer } from 'node:http';
import postgres from 'postgres';
import { LIMIT_SQL, type Scenario } from '../scenarios.js';

const mode = process.env.LIMIT_MODE === 'js' ? 'js' : 'sql';
const sql = postgres(process.env.DATABASE_URL as string, {
  max: Number(process.env.POOL_SIZE ?? 10),
  onnotice: () => {},
});
const text = Object.fromEntries(
  Object.entries(LIMIT_SQL).map(([s, q]) => [s, mode === 'sql' ? `select (${q})::text as j` : `select (${q}) as j`]),
) as Record<Scenario, string>;

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', async () => {
    try {
      const { s, p } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { s: Scenario; p: unknown[] };
      const query = text[s];
      if (!query) throw new Error(`unknown scenario ${s}`);
      const [row] = await sql.unsafe(query, p as postgres.ParameterOrJSON<never>[], { prepare: true });
      const body = mode === 'sql' ? (row?.j as string) : JSON.stringify(row?.j ?? null);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(body);
    } catch (error) {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ errors: [{ message: String(error) }] }));
    }
  });
});
server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('ready'));
const stop = () => server.close(() => sql.end().then(() => process.exit(0)));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
