import { createServer } from 'node:http';
import { createDb, migrate } from '@newsgraph/db';
import { isEmpty, seedDemo } from '../services/demo.js';
import { createApp } from '../yoga.js';

export interface ServeOptions {
  port: number;
  host: string;
}

/** Opens the database, migrates it, fills an empty embedded store with the demo corpus, and listens. */
export async function serve(options: ServeOptions): Promise<{ close(): Promise<void>; url: string }> {
  const handle = await createDb();
  await migrate(handle);
  if (handle.engine === 'pglite' && (await isEmpty(handle.db))) {
    const { created } = await seedDemo(handle.db);
    console.log(`newsgraph: loaded the demo corpus (${created} articles) into ${handle.location}`);
  }
  const app = createApp({ handle });
  const server = createServer(app);
  await new Promise<void>((resolve) => server.listen(options.port, options.host, resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const url = `http://${options.host === '0.0.0.0' ? 'localhost' : options.host}:${port}`;
  console.log(`newsgraph: ${handle.engine} at ${handle.location}`);
  console.log(`newsgraph: GraphiQL at ${url}/graphql`);
  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= new Promise<void>((resolve) => server.close(() => resolve())).then(() => handle.close());
    return closing;
  };
  return { close, url };
}
