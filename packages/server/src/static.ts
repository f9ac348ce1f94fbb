import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'graphql-yoga';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

export interface ExplorerOptions {
  /** The explorer's build output. @default process.env.NEWSGRAPH_EXPLORER_DIR ?? packages/explorer/dist */
  dir?: string;
}

const defaultDir = () =>
  process.env.NEWSGRAPH_EXPLORER_DIR ?? fileURLToPath(new URL('../../explorer/dist', import.meta.url));

/**
 * Serves the explorer (packages/explorer's Vite build) at `/`, its assets under `/assets/`, and
 * `index.html` for every `/articles/…` path so deep links work (the page routes itself).
 * Nothing else is touched: /graphql, /healthz, /readyz and /metrics go on to yoga.
 *
 * When the explorer has not been built, `/` redirects to GraphiQL as before.
 *
 * Only files inside the build directory are ever read: the path is decoded once, resolved, and
 * refused unless it stays inside; dotfiles are never served. Vite puts a content hash in every
 * asset name, so `/assets/` files are cached for a year as immutable; index.html is revalidated
 * on every load so a new build is picked up at once.
 */
export function explorerPlugin(options: ExplorerOptions = {}): Plugin {
  const root = resolve(options.dir ?? defaultDir());
  const index = resolve(root, 'index.html');

  async function file(path: string, cacheControl: string, method: string): Promise<Response | null> {
    try {
      const info = await stat(path);
      if (!info.isFile()) return null;
      const type = CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
      const headers = {
        'content-type': type,
        'content-length': String(info.size),
        'cache-control': cacheControl,
        'x-content-type-options': 'nosniff',
        'last-modified': info.mtime.toUTCString(),
      };
      return new Response(method === 'HEAD' ? null : await readFile(path), { status: 200, headers });
    } catch {
      return null;
    }
  }

  const page = (method: string) => file(index, 'no-cache', method);

  return {
    async onRequest({ request, url, endResponse }) {
      const method = request.method;
      if (method !== 'GET' && method !== 'HEAD') return;
      const pathname = url.pathname;

      if (pathname === '/' || pathname === '/index.html') {
        if (!existsSync(index)) {
          endResponse(new Response(null, { status: 302, headers: { location: '/graphql' } }));
          return;
        }
        const response = await page(method);
        if (response) endResponse(response);
        return;
      }
      if (pathname === '/articles' || pathname.startsWith('/articles/')) {
        const response = await page(method);
        if (response) endResponse(response);
        return;
      }
      if (!pathname.startsWith('/assets/')) return;

      let decoded: string;
      try {
        decoded = decodeURIComponent(pathname);
      } catch {
        endResponse(new Response('Bad path', { status: 400 }));
        return;
      }
      const target = resolve(root, `.${decoded}`);
      const inside = target.startsWith(root + sep);
      const hidden = decoded.split('/').some((part) => part.startsWith('.'));
      if (!inside || hidden || decoded.includes('\0')) {
        endResponse(new Response('Not found', { status: 404 }));
        return;
      }
      const response = await file(target, 'public, max-age=31536000, immutable', method);
      endResponse(response ?? new Response('Not found', { status: 404, headers: { 'cache-control': 'no-store' } }));
    },
  };
}
