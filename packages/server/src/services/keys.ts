import { createHmac, randomBytes } from 'node:crypto';
import { type ApiKeyRole, apiKeys, type Db } from '@newsgraph/db';
import { desc, eq } from 'drizzle-orm';
import type { Viewer } from '../context.js';

/**
 * Keys are 256 random bits, so a keyed SHA-256 is as hard to reverse as any slow hash would be; the
 * server secret (NEWSGRAPH_KEY_SECRET) additionally makes a stolen table useless without it.
 * Changing the secret invalidates every key.
 */
export function hashKey(key: string, secret = process.env.NEWSGRAPH_KEY_SECRET ?? ''): string {
  return createHmac('sha256', `newsgraph:${secret}`).update(key).digest('hex');
}

const ROLE_TAG: Record<ApiKeyRole, string> = { READER: 'r', EDITOR: 'e', ADMIN: 'a' };

export async function createApiKey(
  db: Pick<Db, 'insert'>,
  input: { role: ApiKeyRole; label: string },
): Promise<{ id: string; key: string; prefix: string; role: ApiKeyRole; label: string; createdAt: Date }> {
  const key = `ng_${ROLE_TAG[input.role]}_${randomBytes(32).toString('base64url')}`;
  const prefix = key.slice(0, 10);
  const [row] = await db
    .insert(apiKeys)
    .values({ label: input.label, role: input.role, hash: hashKey(key), prefix })
    .returning({ id: apiKeys.id, createdAt: apiKeys.createdAt });
  if (!row) throw new Error('api key insert returned nothing');
  return { id: row.id, key, prefix, role: input.role, label: input.label, createdAt: row.createdAt };
}

/** The key's viewer, or null when the key is unknown or revoked. */
export async function verifyApiKey(db: Db, key: string): Promise<Viewer | null> {
  if (!/^ng_[rea]_[A-Za-z0-9_-]{43}$/.test(key)) return null;
  const [row] = await db
    .select({ id: apiKeys.id, label: apiKeys.label, role: apiKeys.role, revokedAt: apiKeys.revokedAt })
    .from(apiKeys)
    .where(eq(apiKeys.hash, hashKey(key)));
  if (!row || row.revokedAt) return null;
  return { keyId: row.id, label: row.label, role: row.role };
}

export async function listApiKeys(db: Db) {
  return db
    .select({
      id: apiKeys.id,
      label: apiKeys.label,
      role: apiKeys.role,
      prefix: apiKeys.prefix,
      createdAt: apiKeys.createdAt,
      revokedAt: apiKeys.revokedAt,
    })
    .from(apiKeys)
    .orderBy(desc(apiKeys.createdAt));
}

/** Revokes by id or by prefix; returns how many keys it revoked. */
export async function revokeApiKey(db: Pick<Db, 'update'>, idOrPrefix: string): Promise<number> {
  const isId = /^[0-9a-f-]{36}$/i.test(idOrPrefix);
  const rows = await db
    .update(apiKeys)
    .set({ revokedAt: new Date() })
    .where(isId ? eq(apiKeys.id, idOrPrefix) : eq(apiKeys.prefix, idOrPrefix))
    .returning({ id: apiKeys.id });
  return rows.length;
}
