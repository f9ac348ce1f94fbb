import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSchema, createYoga } from 'graphql-yoga';
import { afterAll, describe, expect, it } from 'vitest';
import { explorerPlugin } from './static.js';

const schema = createSchema({ typeDefs: 'type Query { ok: Boolean }', resolvers: { Query: { ok: () => true } } });
const appFor = (dir: string) => createYoga({ schema, plugins: [explorerPlugin({ dir })], logging: false });

describe('explorerPlugin', () => {
  const base = mkdtempSync(join(tmpdir(), 'newsgraph-static-'));
  const dist = join(base, 'dist');
  mkdirSync(join(dist, 'assets'), { recursive: true });
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>explorer</title>');
  writeFileSync(join(dist, 'assets', 'index-abc123.js'), 'console.log(1)');
  writeFileSync(join(dist, 'assets', '.secret'), 'hidden');
  writeFileSync(join(base, 'outside.txt'), 'not for the web');
  afterAll(() => rmSync(base, { recursive: true, force: true }));
  const app = appFor(dist);

  it('serves index.html at / and for every /articles/… path, revalidated on each load', async () => {
    for (const path of ['/', '/articles/QXJ0aWNsZTox', '/articles/a%2Fb']) {
      const response = await app.fetch(`http://x${path}`);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(await response.text()).toContain('<title>explorer</title>');
    }
  });

  it('serves hashed assets with their content type, cached as immutable', async () => {
    const response = await app.fetch('http://x/assets/index-abc123.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await response.text()).toBe('console.log(1)');
    const head = await app.fetch('http://x/assets/index-abc123.js', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('never reads outside the build directory, nor dotfiles', async () => {
    for (const path of [
      '/assets/%2e%2e/%2e%2e/outside.txt',
      '/assets/..%2f..%2foutside.txt',
      '/assets/.secret',
      '/assets/missing.js',
    ]) {
      const response = await app.fetch(`http://x${path}`);
      expect(response.status, path).toBe(404);
      expect(await response.text()).not.toMatch(/not for the web|hidden/);
    }
    expect((await app.fetch('http://x/assets/%E0%A4%A')).status).toBe(400);
  });

  it('leaves /graphql and other paths to yoga', async () => {
    const response = await app.fetch('http://x/graphql?query=%7Bok%7D');
    expect(await response.json()).toEqual({ data: { ok: true } });
    expect((await app.fetch('http://x/nowhere')).status).toBe(404);
  });

  it('redirects / to GraphiQL when the explorer has not been built', async () => {
    const response = await appFor(join(base, 'missing')).fetch('http://x/', { redirect: 'manual' });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/graphql');
  });
});
