import { auditLog, type Db } from '@newsgraph/db';
import { desc } from 'drizzle-orm';
import type { Tx } from './tx.js';

export interface AuditEntry {
  actor: string;
  keyId?: string | null;
  action: string;
  input: unknown;
  outcome?: unknown;
  requestId?: string | null;
}

/** Appends one row to the audit log; call it in the transaction that made the change. */
export async function audit(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values(auditRow(entry));
}

/** Appends one row per entry in one statement (a batch import's articles); call it in the same transaction. */
export async function auditAll(tx: Tx, entries: AuditEntry[]): Promise<void> {
  if (entries.length) await tx.insert(auditLog).values(entries.map(auditRow));
}

const auditRow = (entry: AuditEntry) => ({
  actor: entry.actor,
  keyId: entry.keyId ?? null,
  action: entry.action,
  input: (entry.input ?? null) as object,
  outcome: (entry.outcome ?? null) as object,
  requestId: entry.requestId ?? null,
});

export async function listAudit(db: Db, limit = 50) {
  return db.select().from(auditLog).orderBy(desc(auditLog.createdAt), desc(auditLog.id)).limit(limit);
}
