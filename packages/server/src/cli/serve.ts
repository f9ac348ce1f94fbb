import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { apiKeys, createDb, type DbHandle, migrate } from '@newsgraph/db';
import { sql } from 'drizzle-orm';
import { isEmpty, seedDemo } from '../services/demo.js';
import { loadDemoTemplate } from '../services/demo-template.js';
import { createApiKey } from '../services/keys.js';
import { createNodeListener } from '../yoga.js';

export interface ServeOptions {
  port: number;
  host: string;
}

/** Opens the database, migrates it, fills an empty embedded store with the demo corpus, and listens. */
export async function serve(options: ServeOptions): Promise<{ close(graceMs?: number): Promise<void>; url: string }> {
  // a new embedded database starts from the prepared template when `pnpm install` made one
  const handle = await createDb({ template: loadDemoTemplate });
  await migrate(handle);
  if (handle.engine === 'pglite' && (await isEmpty(handle.db))) {
    const { created } = await seedDemo(handle.db);
    console.log(`newsgraph: loaded the demo corpus (${created} articles) into ${handle.location}`);
  }
  if (handle.engine === 'pglite') await ensureEditorKey(handle);
  const { app, listener } = createNodeListener({ handle });
  let draining = false;
  // While draining, requests on kept-alive connections get 503 + Connection: close instead of new work.
  const server = createServer((req, res) => {
    if (draining) {
      res.writeHead(503, { connection: 'close', 'content-type': 'application/json', 'retry-after': '1' });
      res.end(
        JSON.stringify({ errors: [{ message: 'The server is shutting down', extensions: { code: 'SHUTTING_DOWN' } }] }),
      );
      return;
    }
    listener(req, res);
  });
  await new Promise<void>((resolve) => server.listen(options.port, options.host, resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const url = `http://${options.host === '0.0.0.0' ? 'localhost' : options.host}:${port}`;
  console.log(`newsgraph: ${handle.engine} at ${handle.location}`);
  console.log(`newsgraph: GraphiQL at ${url}/graphql`);
  let closing: Promise<void> | undefined;
  /**
   * Graceful stop: refuse new connections and new requests, let in-flight requests finish (streams
   * such as subscriptions get `graceMs`), then close the database.
   */
  const close = (graceMs = Number(process.env.NEWSGRAPH_SHUTDOWN_GRACE_MS ?? 10_000)) => {
    closing ??= new Promise<void>((resolve) => {
      draining = true;
      server.close(() => resolve());
      server.closeIdleConnections();
      setTimeout(() => server.closeAllConnections(), graceMs).unref();
    })
      .then(() => app.dispose())
      .then(() => handle.close());
    return closing;
  };
  return { close, url };
}

/**
 * First start on the embedded database: make an EDITOR key, keep it in the data dir, and say how to
 * use it, so a new user can run a correction from GraphiQL at once. Later starts reprint it.
 */
async function ensureEditorKey(handle: DbHandle): Promise<void> {
  const file = join(handle.location, 'newsgraph-editor-key');
  let key = existsSync(file) ? readFileSync(file, 'utf8').trim() : '';
  if (!key) {
    const [row] = await handle.db.select({ n: sql<number>`count(*)::int` }).from(apiKeys);
    if ((row?.n ?? 0) > 0) return;
    key = (await createApiKey(handle.db, { role: 'EDITOR', label: 'local editor' })).key;
    writeFileSync(file, `${key}\n`, { mode: 0o600 });
    console.log(`newsgraph: created an EDITOR key, saved in ${file}`);
  }
  console.log(`newsgraph: to run mutations in GraphiQL, add under Headers: {"Authorization": "Bearer ${key}"}`);
}
