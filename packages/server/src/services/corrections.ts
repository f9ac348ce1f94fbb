import { articleRevisions, articles, type CorrectionKind, corrections, type FieldChange } from '@newsgraph/db';
import { normalizeTitle } from '@newsgraph/ingest';
import { and, eq, sql } from 'drizzle-orm';
import { joinParagraphs, resolveWaitingReferences } from './articles.js';
import type { Tx } from './tx.js';

export interface CorrectionInput {
  articleId: string;
  expectedVersion: number;
  kind: CorrectionKind;
  note: string;
  createdBy: string;
  assertedBy?: 'PARSER' | 'EDITOR';
  statedAt?: Date | null;
  title?: string | null;
  paragraphs?: string[] | null;
  publishedAt?: Date | null;
}

export type CorrectionResult =
  | { ok: true; correctionId: string; version: number }
  | { ok: false; reason: 'not-found' }
  | { ok: false; reason: 'version-conflict'; currentVersion: number };

/** Paragraph-level diff: same index compared, extra paragraphs added or removed. */
export function diffParagraphs(before: string[], after: string[]): NonNullable<FieldChange['paragraphs']> {
  const out: NonNullable<FieldChange['paragraphs']> = [];
  for (let i = 0; i < Math.max(before.length, after.length); i++) {
    const b = before[i] ?? null;
    const a = after[i] ?? null;
    if (b === a) continue;
    out.push({ index: i, op: b === null ? 'added' : a === null ? 'removed' : 'changed', before: b, after: a });
  }
  return out;
}

/**
 * Applies a correction as one compare-and-set: the article's version moves from expectedVersion to
 * expectedVersion + 1 only if no one else moved it first, so concurrent editors can never overwrite
 * each other. Then the immutable revision and the correction are written. Call inside a transaction.
 */
export async function applyCorrection(tx: Tx, input: CorrectionInput): Promise<CorrectionResult> {
  const [current] = await tx
    .select({
      version: articles.version,
      title: articles.title,
      body: articles.body,
      publishedAt: articles.publishedAt,
      status: articles.status,
      url: articles.url,
    })
    .from(articles)
    .where(eq(articles.id, input.articleId));
  if (!current) return { ok: false, reason: 'not-found' };
  if (current.version !== input.expectedVersion) {
    return { ok: false, reason: 'version-conflict', currentVersion: current.version };
  }

  const title = input.title ?? current.title;
  const body = input.paragraphs ? joinParagraphs(input.paragraphs) : current.body;
  const publishedAt =
    input.publishedAt !== undefined && input.publishedAt !== null ? input.publishedAt : current.publishedAt;
  const status = input.kind === 'RETRACTION' ? 'RETRACTED' : current.status === 'RETRACTED' ? 'RETRACTED' : 'CORRECTED';

  const changes: FieldChange[] = [];
  if (title !== current.title) changes.push({ field: 'title', before: current.title, after: title });
  if (body !== current.body) {
    changes.push({
      field: 'body',
      before: current.body,
      after: body,
      paragraphs: diffParagraphs(current.body.split(/\n{2,}/), body.split(/\n{2,}/)),
    });
  }
  if ((publishedAt?.getTime() ?? null) !== (current.publishedAt?.getTime() ?? null)) {
    changes.push({
      field: 'publishedAt',
      before: current.publishedAt?.toISOString() ?? null,
      after: publishedAt?.toISOString() ?? null,
    });
  }
  if (status !== current.status) changes.push({ field: 'status', before: current.status, after: status });

  const version = input.expectedVersion + 1;
  const moved = await tx
    .update(articles)
    .set({
      version,
      title,
      titleKey: normalizeTitle(title),
      body,
      publishedAt,
      status,
      // clock time, not transaction start: a correction is later than the rows written before it in the same transaction
      updatedAt: sql`date_trunc('milliseconds', clock_timestamp())`,
    })
    .where(and(eq(articles.id, input.articleId), eq(articles.version, input.expectedVersion)))
    .returning({ version: articles.version });
  if (moved.length === 0) {
    const [now] = await tx.select({ version: articles.version }).from(articles).where(eq(articles.id, input.articleId));
    return { ok: false, reason: 'version-conflict', currentVersion: now?.version ?? input.expectedVersion };
  }

  const [correction] = await tx
    .insert(corrections)
    .values({
      articleId: input.articleId,
      kind: input.kind,
      note: input.note,
      createdBy: input.createdBy,
      assertedBy: input.assertedBy ?? 'EDITOR',
      statedAt: input.statedAt ?? null,
      fromVersion: input.expectedVersion,
      toVersion: version,
      changes,
    })
    .returning({ id: corrections.id });
  if (!correction) throw new Error('correction insert returned nothing');

  await tx.insert(articleRevisions).values({
    articleId: input.articleId,
    version,
    title,
    body,
    publishedAt,
    correctionId: correction.id,
  });
  if (title !== current.title) await resolveWaitingReferences(tx, input.articleId, current.url, title);
  return { ok: true, correctionId: correction.id, version };
}
