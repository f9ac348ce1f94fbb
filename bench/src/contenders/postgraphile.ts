/**
 * The peer: PostGraphile 4 as a library on the same database and pool size, with SQL functions
 * (bench/src/postgraphile.sql) so it answers the same questions (search with rank and highlight,
 * provenance). Production-style options: no GraphiQL, no query log, no mutations.
 */
import { createServer } from 'node:http';
import pg from 'pg';
import { postgraphile } from 'postgraphile';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.POOL_SIZE ?? 10) });
const handler = postgraphile(pool, ['public'], {
  dynamicJson: true,
  disableDefaultMutations: true,
  setofFunctionsContainNulls: false,
  ignoreRBAC: false,
  legacyRelations: 'omit',
  graphiql: false,
  disableQueryLog: true,
  enableQueryBatching: false,
  retryOnInitFail: false,
  watchPg: false,
  showErrorStack: false,
});
const server = createServer(handler);
server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('ready'));
const stop = () => server.close(() => pool.end().then(() => process.exit(0)));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
