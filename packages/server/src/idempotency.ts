import { createHash } from 'node:crypto';
import { type DbHandle, idempotencyKeys } from '@newsgraph/db';
import { and, eq, sql } from 'drizzle-orm';
import type { Plugin } from 'graphql-yoga';
import { verifyApiKey } from './services/keys.js';

const KEY = /^[\x21-\x7e]{1,255}$/;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const refuse = (status: number, message: string, code: string) =>
  Response.json({ errors: [{ message, extensions: { code } }] }, { status });

/** A claim whose request never finished (the process died) frees its key after this long. */
const ABANDONED = sql`interval '2 minutes'`;
/** An answer that carries a new API key's secret is never stored (createApiKey is not replayed). */
const SECRET = /ng_[rea]_[A-Za-z0-9_-]{43}/;

/**
 * `Idempotency-Key` on a POST (Stripe semantics): the first response is stored and replayed, byte for
 * byte, to every retry with the same key and body for 24 hours; the same key with another body is
 * refused (422), and a retry while the first is still running waits its turn (409). A client that
 * lost the answer to a mutation can retry without writing twice.
 *
 * Keys are scoped to a live credential: a request with no key or with an unknown or revoked one is
 * not handled here (it goes on to fail or to run as an open read), so nothing is replayed to a
 * credential that could not make the request now. Expired records are purged as new ones are made.
 */
export function idempotency(handle: DbHandle): Plugin {
  const pending = new WeakMap<Request, { owner: string; key: string }>();
  const { db } = handle;

  return {
    async onRequest({ request, endResponse }) {
      const key = request.headers.get('idempotency-key');
      if (key === null || request.method !== 'POST') return;
      if (!KEY.test(key)) {
        endResponse(refuse(400, 'Idempotency-Key must be 1–255 visible ASCII characters', 'BAD_IDEMPOTENCY_KEY'));
        return;
      }
      const credential = /^Bearer\s+(\S+)$/i.exec(request.headers.get('authorization')?.trim() ?? '')?.[1];
      if (!credential || !(await verifyApiKey(db, credential))) return;
      const owner = sha256(credential);
      const requestHash = sha256(await request.clone().text());
      const where = and(eq(idempotencyKeys.owner, owner), eq(idempotencyKeys.key, key));
      // an expired record, or a claim abandoned mid-request, frees its key; and a few of everyone's
      // expired records go with it, so the table holds about a day of keys
      await db
        .delete(idempotencyKeys)
        .where(
          and(
            where,
            sql`(${idempotencyKeys.createdAt} < now() - interval '24 hours' or (${idempotencyKeys.completedAt} is null and ${idempotencyKeys.createdAt} < now() - ${ABANDONED}))`,
          ),
        );
      await db.execute(
        sql`delete from ${idempotencyKeys} where (owner, key) in (select owner, key from ${idempotencyKeys} where created_at < now() - interval '24 hours' order by created_at limit 100)`,
      );
      const claimed = await db
        .insert(idempotencyKeys)
        .values({ owner, key, requestHash })
        .onConflictDoNothing()
        .returning({ key: idempotencyKeys.key });
      if (claimed.length) {
        pending.set(request, { owner, key });
        return;
      }
      const [row] = await db.select().from(idempotencyKeys).where(where);
      if (!row) {
        endResponse(refuse(409, 'This Idempotency-Key was just released; retry', 'IDEMPOTENCY_KEY_IN_USE'));
      } else if (row.requestHash !== requestHash) {
        endResponse(
          refuse(
            422,
            'This Idempotency-Key was used with a different request; use a new key',
            'IDEMPOTENCY_KEY_REUSED',
          ),
        );
      } else if (!row.completedAt) {
        endResponse(
          refuse(
            409,
            'The first request with this Idempotency-Key is still running; retry shortly',
            'IDEMPOTENCY_KEY_IN_USE',
          ),
        );
      } else {
        endResponse(
          new Response(row.body, {
            status: row.status ?? 200,
            headers: {
              'content-type': row.contentType ?? 'application/json',
              'idempotent-replayed': 'true',
            },
          }),
        );
      }
    },
    async onResponse({ request, response }) {
      const claim = pending.get(request);
      if (!claim) return;
      pending.delete(request);
      const body = await response.clone().text();
      const where = and(eq(idempotencyKeys.owner, claim.owner), eq(idempotencyKeys.key, claim.key));
      // a failure that is not the request's own answer (5xx, timeout) is not replayed: the key is freed
      // for a retry; nor is an answer holding a secret, which must not sit in the database
      if (response.status >= 500 || body.includes('"code":"TIMEOUT"') || SECRET.test(body)) {
        await db.delete(idempotencyKeys).where(where);
        return;
      }
      await db
        .update(idempotencyKeys)
        .set({
          completedAt: sql`now()`,
          status: response.status,
          contentType: response.headers.get('content-type'),
          body,
        })
        .where(and(eq(idempotencyKeys.owner, claim.owner), eq(idempotencyKeys.key, claim.key)));
    },
  };
}
