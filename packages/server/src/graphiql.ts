import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { type GraphiQLOptions, type Plugin, renderGraphiQL } from 'graphql-yoga';

/**
 * GraphiQL from this server, not from a CDN: yoga's page loads its scripts from unpkg (a version that
 * may not even be published), so GraphiQL would break offline or behind a proxy. The installed
 * @graphql-yoga/graphiql package's files are served under ASSETS instead.
 */
const ASSETS = '/graphiql-assets/';
const dist = join(dirname(createRequire(import.meta.url).resolve('@graphql-yoga/graphiql/package.json')), 'dist');
const CDN = /https:\/\/unpkg\.com\/@graphql-yoga\/graphiql@[^/]+\/dist\//g;
const TYPES: Record<string, string> = { js: 'text/javascript; charset=utf-8', css: 'text/css; charset=utf-8' };
// exactly the files the package ships (one folder deep); nothing else under ASSETS is ever read
const FILES = new Set(
  readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((f) => TYPES[f.split('.').pop() ?? '']),
);

export const renderLocalGraphiQL = (options: GraphiQLOptions): string => renderGraphiQL(options).replace(CDN, ASSETS);

export function graphiqlAssets(): Plugin {
  return {
    async onRequest({ url, endResponse }) {
      if (!url.pathname.startsWith(ASSETS)) return;
      const file = decodeURIComponent(url.pathname.slice(ASSETS.length));
      if (!FILES.has(file)) {
        endResponse(new Response('Not found', { status: 404 }));
        return;
      }
      const body = await readFile(join(dist, file));
      const type = TYPES[file.split('.').pop() ?? ''] ?? 'application/octet-stream';
      endResponse(new Response(body, { headers: { 'content-type': type, 'cache-control': 'public, max-age=86400' } }));
    },
  };
}
