import type { DbHandle } from '@newsgraph/db';
import { createApiKey } from '@newsgraph/server';

export async function keysFor(handle: DbHandle) {
  const reader = (await createApiKey(handle.db, { role: 'READER', label: 'test reader' })).key;
  const editor = (await createApiKey(handle.db, { role: 'EDITOR', label: 'test editor' })).key;
  const admin = (await createApiKey(handle.db, { role: 'ADMIN', label: 'test admin' })).key;
  return { reader, editor, admin, bearer: (key: string) => ({ authorization: `Bearer ${key}` }) };
}
