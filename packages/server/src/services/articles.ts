import {
  type AssertedBy,
  type AttributionRole,
  articleRevisions,
  articles,
  attributions,
  type CrossReferenceKind,
  crossReferences,
} from '@newsgraph/db';
import { normalizeTitle, normalizeUrl } from '@newsgraph/ingest';
import { and, eq, isNull, ne, or, sql } from 'drizzle-orm';
import { findOrCreateSource, type SourceInput } from './sources.js';
import type { Tx } from './tx.js';

export interface AttributionInput {
  role: AttributionRole;
  source: SourceInput;
  via?: SourceInput | null;
  evidence?: string | null;
  paragraphIndex?: number | null;
  assertedBy?: AssertedBy;
}

export interface ReferenceInput {
  kind: CrossReferenceKind;
  anchorText?: string | null;
  paragraphIndex?: number | null;
  targetUrl?: string | null;
  targetTitle?: string | null;
  /** A known target; otherwise it is looked up by url, then by title. */
  targetId?: string | null;
}

export interface ArticleInput {
  url: string;
  title: string;
  publishedAt: Date | null;
  language?: string | null;
  paragraphs: string[];
  publisher: SourceInput | null;
  attributions: AttributionInput[];
  references: ReferenceInput[];
  createdBy: string;
}

export const joinParagraphs = (paragraphs: string[]): string =>
  paragraphs
    .map((p) => p.replace(/\s*\n\s*\n\s*/g, ' ').trim())
    .filter(Boolean)
    .join('\n\n');

/**
 * Stores a new article with its first revision, attributions and references, then points every
 * reference that was waiting for it (by url or title) at it. Call inside a transaction.
 */
export async function insertArticle(tx: Tx, input: ArticleInput): Promise<{ id: string }> {
  const url = normalizeUrl(input.url);
  const body = joinParagraphs(input.paragraphs);
  const publisherId = input.publisher ? await findOrCreateSource(tx, input.publisher) : null;

  const [article] = await tx
    .insert(articles)
    .values({
      url,
      title: input.title,
      titleKey: normalizeTitle(input.title),
      publishedAt: input.publishedAt,
      language: input.language ?? null,
      body,
      publisherId,
    })
    .returning({ id: articles.id, createdAt: articles.createdAt });
  if (!article) throw new Error('article insert returned nothing');

  await tx.insert(articleRevisions).values({
    articleId: article.id,
    version: 1,
    title: input.title,
    body,
    publishedAt: input.publishedAt,
    createdAt: article.createdAt,
  });

  const attributionRows = [];
  for (const a of input.attributions) {
    const viaId = a.via ? await findOrCreateSource(tx, a.via) : null;
    const sourceId = await findOrCreateSource(tx, {
      ...a.source,
      relayedById: a.source.kind === 'ANONYMOUS' ? viaId : (a.source.relayedById ?? null),
    });
    attributionRows.push({
      articleId: article.id,
      sourceId,
      role: a.role,
      viaId,
      evidence: a.evidence ?? null,
      paragraphIndex: a.paragraphIndex ?? null,
      assertedBy: a.assertedBy ?? 'PARSER',
    });
  }
  if (attributionRows.length) await tx.insert(attributions).values(attributionRows);

  const referenceRows = [];
  for (const r of input.references) {
    const targetUrl = r.targetUrl ? normalizeUrl(r.targetUrl) : null;
    const targetTitleKey = r.targetTitle ? normalizeTitle(r.targetTitle) : null;
    const targetId = r.targetId ?? (await findArticleId(tx, targetUrl, targetTitleKey));
    referenceRows.push({
      fromId: article.id,
      targetId: targetId === article.id ? null : targetId,
      kind: r.kind,
      anchorText: r.anchorText ?? null,
      paragraphIndex: r.paragraphIndex ?? null,
      targetUrl,
      targetTitle: r.targetTitle ?? null,
      targetTitleKey,
      createdBy: input.createdBy,
    });
  }
  if (referenceRows.length) await tx.insert(crossReferences).values(referenceRows);

  await resolveWaitingReferences(tx, article.id, url, input.title);
  return { id: article.id };
}

async function findArticleId(tx: Tx, url: string | null, titleKey: string | null): Promise<string | null> {
  if (!url && !titleKey) return null;
  const [found] = await tx
    .select({ id: articles.id })
    .from(articles)
    .where(or(url ? eq(articles.url, url) : undefined, titleKey ? eq(articles.titleKey, titleKey) : undefined))
    // a url match beats a title match
    .orderBy(sql`(${articles.url} = ${url ?? ''}) desc`, articles.createdAt)
    .limit(1);
  return found?.id ?? null;
}

/** Points references that were waiting for this article (same url, or same normalized title) at it. */
export async function resolveWaitingReferences(tx: Tx, articleId: string, url: string, title: string): Promise<void> {
  await tx
    .update(crossReferences)
    .set({ targetId: articleId })
    .where(
      and(
        isNull(crossReferences.targetId),
        ne(crossReferences.fromId, articleId),
        or(eq(crossReferences.targetUrl, url), eq(crossReferences.targetTitleKey, normalizeTitle(title))),
      ),
    );
}
