import { parseArgs } from 'node:util';
import { appliedMigrations, createDb, migrate } from '@newsgraph/db';
import { seedDemo } from '../services/demo.js';
import { serve } from './serve.js';

const USAGE = `usage: newsgraph <command>

commands:
  serve                 start the GraphQL server (PORT, HOST, DATABASE_URL, NEWSGRAPH_DATA_DIR)
  migrate               apply pending migrations
  seed-demo             load the demo corpus (articles already present are kept)
`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'serve': {
      const { values } = parseArgs({
        args: rest,
        options: { port: { type: 'string' }, host: { type: 'string' } },
      });
      const port = Number(values.port ?? process.env.PORT ?? 4000);
      const host = values.host ?? process.env.HOST ?? '0.0.0.0';
      const server = await serve({ port, host });
      const stop = () => {
        server.close().then(
          () => process.exit(0),
          () => process.exit(1),
        );
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      return -1;
    }
    case 'migrate': {
      const handle = await createDb();
      const before = await appliedMigrations(handle).catch(() => [] as string[]);
      await migrate(handle);
      const after = await appliedMigrations(handle);
      console.log(
        `newsgraph: ${after.length - before.length} migration(s) applied, ${after.length} in all (${handle.location})`,
      );
      await handle.close();
      return 0;
    }
    case 'seed-demo': {
      const handle = await createDb();
      await migrate(handle);
      const { created } = await seedDemo(handle.db);
      console.log(`newsgraph: demo corpus loaded, ${created} new article(s) (${handle.location})`);
      await handle.close();
      return 0;
    }
    case undefined:
    case 'help':
    case '--help':
      console.log(USAGE);
      return command ? 0 : 1;
    default:
      console.error(`newsgraph: unknown command "${command}"\n\n${USAGE}`);
      return 1;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    console.error(`newsgraph: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
