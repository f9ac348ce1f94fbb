import { parseArgs } from 'node:util';
import { appliedMigrations, createDb, migrate } from '@newsgraph/db';
import { normalizeUrl } from '@newsgraph/ingest';
import { audit, listAudit } from '../services/audit.js';
import { seedDemo } from '../services/demo.js';
import { articleJsonLdByUrl } from '../services/jsonld.js';
import { createApiKey, listApiKeys, revokeApiKey } from '../services/keys.js';
import { collectFiles, DEFAULT_BATCH_SIZE, importFiles } from './import.js';

const USAGE = `usage: newsgraph <command>

commands:
  serve                 start the GraphQL server (PORT, HOST, DATABASE_URL, NEWSGRAPH_DATA_DIR)
  migrate               apply pending migrations
  seed-demo             load the demo corpus (articles already present are kept)
  import [--record-revision] [--concurrency N] [--batch-size N] FILE|DIR...
                        import article text/HTML files (.txt, .html, .htm under directories),
                        N articles per transaction (default 100), N transactions at once;
                        prints created / unchanged / revised / failed, exits 1 if any failed
  export URL            the article's provenance graph as schema.org JSON-LD
  keys create --role reader|editor|admin --label NAME
                        create an API key; the key alone is the last line of output
  keys list             list keys (never their secrets)
  keys revoke ID|PREFIX revoke a key; it fails on the next request
  audit [--limit N]     the audit log, newest first
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
      // loaded here: the GraphQL server is most of the CLI's start-up, and other commands do without it
      const { serve } = await import('./serve.js');
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
    case 'import': {
      const { values, positionals } = parseArgs({
        args: rest,
        allowPositionals: true,
        options: {
          'record-revision': { type: 'boolean', default: false },
          concurrency: { type: 'string' },
          'batch-size': { type: 'string' },
        },
      });
      if (!positionals.length) {
        console.error(`newsgraph: import needs files or directories\n\n${USAGE}`);
        return 1;
      }
      const files = collectFiles(positionals);
      const handle = await createDb();
      try {
        await migrate(handle);
        const summary = await importFiles(handle.db, files, {
          recordRevision: values['record-revision'] ?? false,
          progress: process.stderr.isTTY === true,
          // PGlite has one connection: parallel transactions would only queue. On Postgres two batches
          // at once keep the database busy while the next files are parsed.
          concurrency: Number(values.concurrency ?? (handle.engine === 'postgres' ? 2 : 1)),
          batchSize: Number(values['batch-size'] ?? DEFAULT_BATCH_SIZE),
        });
        for (const f of summary.failures) console.error(`newsgraph: failed ${f.file}: ${f.reason}`);
        const { created, unchanged, revised, failed } = summary.counts;
        console.log(
          `newsgraph: created ${created}, unchanged ${unchanged}, revised ${revised}, failed ${failed} ` +
            `(${files.length} file(s) in ${summary.seconds.toFixed(1)} s, ${handle.location})`,
        );
        return failed > 0 ? 1 : 0;
      } finally {
        await handle.close();
      }
    }
    case 'export': {
      const [url] = rest;
      if (!url || rest.length > 1) {
        console.error(`newsgraph: export needs one article url\n\n${USAGE}`);
        return 1;
      }
      const handle = await createDb();
      try {
        await migrate(handle);
        const doc = await articleJsonLdByUrl(handle.db, normalizeUrl(url));
        if (!doc) {
          console.error(`newsgraph: no article at ${url}`);
          return 1;
        }
        console.log(JSON.stringify(doc, null, 2));
        return 0;
      } finally {
        await handle.close();
      }
    }
    case 'keys': {
      const [sub, ...more] = rest;
      const handle = await createDb();
      await migrate(handle);
      try {
        if (sub === 'create') {
          const { values } = parseArgs({
            args: more,
            options: { role: { type: 'string' }, label: { type: 'string' } },
          });
          const role = values.role?.toUpperCase();
          if (role !== 'READER' && role !== 'EDITOR' && role !== 'ADMIN') {
            console.error('newsgraph: --role must be reader, editor or admin');
            return 1;
          }
          if (!values.label?.trim()) {
            console.error('newsgraph: --label is required');
            return 1;
          }
          const created = await handle.db.transaction(async (tx) => {
            const k = await createApiKey(tx, { role, label: values.label?.trim() ?? '' });
            await audit(tx, {
              actor: 'cli',
              action: 'keys.create',
              input: { role, label: k.label },
              outcome: { apiKeyId: k.id },
            });
            return k;
          });
          console.log(`newsgraph: created ${role} key "${created.label}" (${created.prefix}…); it is shown only now:`);
          console.log(created.key);
          return 0;
        }
        if (sub === 'list') {
          for (const k of await listApiKeys(handle.db)) {
            const state = k.revokedAt ? `revoked ${k.revokedAt.toISOString()}` : 'active';
            console.log(`${k.id}  ${k.prefix}…  ${k.role.padEnd(6)}  ${state.padEnd(32)}  ${k.label}`);
          }
          return 0;
        }
        if (sub === 'revoke' && more[0]) {
          const target = more[0];
          const n = await handle.db.transaction(async (tx) => {
            const count = await revokeApiKey(tx, target);
            await audit(tx, {
              actor: 'cli',
              action: 'keys.revoke',
              input: { key: target },
              outcome: { revoked: count },
            });
            return count;
          });
          console.log(`newsgraph: revoked ${n} key(s)`);
          return n > 0 ? 0 : 1;
        }
        console.error(USAGE);
        return 1;
      } finally {
        await handle.close();
      }
    }
    case 'audit': {
      const { values } = parseArgs({ args: rest, options: { limit: { type: 'string' } } });
      const handle = await createDb();
      await migrate(handle);
      for (const row of await listAudit(handle.db, Number(values.limit ?? 50))) {
        console.log(
          `${row.createdAt.toISOString()}  ${row.actor.padEnd(20)}  ${row.action.padEnd(20)}  ${JSON.stringify(row.input)}`,
        );
      }
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
